package io.photonfarm.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.camera.CameraModel;
import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.api.job.JobSpecException.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The refiner specs as clients write them, and the violations a bad one gets. */
class RefinerSpecTest {
    private final ObjectMapper json = new ObjectMapper();

    private static List<Violation> check(RefinerSpec spec) {
        List<Violation> bad = new ArrayList<>();
        spec.check("camera.refiners[0]", bad);
        return bad;
    }

    @Test
    void theDocumentedExamplesReadAndWriteBackUnchanged() throws Exception {
        for (String text : List.of("{\"kind\":\"fda\",\"beta\":0.01}", "{\"kind\":\"reinhard\"}", "{\"kind\":\"histogram\",\"strength\":0.5}",
                "{\"kind\":\"onnx\",\"model\":\"asset:" + "0123456789abcdef".repeat(4) + "\",\"tileSize\":256,\"overlap\":16}")) {
            RefinerSpec spec = json.readValue(text, RefinerSpec.class);
            assertTrue(check(spec).isEmpty(), text + ": " + check(spec));
            assertEquals(json.readTree(text), json.readTree(json.writeValueAsString(spec)));
        }
        RefinerSpec fda = json.readValue("{\"kind\":\"fda\"}", RefinerSpec.class);
        assertEquals(RefinerSpec.DEFAULT_BETA, fda.betaOrDefault());
        assertEquals(1.0, fda.strengthOrDefault());
    }

    @Test
    void everyBadFieldIsNamedByItsPathWithTheValueAndTheRule() {
        assertEquals(List.of(new Violation("camera.refiners[0].beta", "0.7", "(0, 0.5]")), check(RefinerSpec.fda(0.7)));
        assertEquals(List.of(new Violation("camera.refiners[0].beta", "0.0", "(0, 0.5]")), check(RefinerSpec.fda(0)));
        assertEquals("camera.refiners[0].strength", check(RefinerSpec.reinhard().withStrength(1.5)).get(0).field());
        assertEquals("camera.refiners[0].kind", check(new RefinerSpec("cyclegan", null, null, null, null, null)).get(0).field());
        assertEquals("camera.refiners[0].beta", check(new RefinerSpec("histogram", 0.1, null, null, null, null)).get(0).field());
        List<Violation> onnx = check(new RefinerSpec("onnx", null, null, "model.onnx", 8, 20));
        assertEquals(List.of("camera.refiners[0].model", "camera.refiners[0].tileSize", "camera.refiners[0].overlap"),
                onnx.stream().map(Violation::field).toList());
        assertEquals("0..8 (at most the tile size)", onnx.get(2).limit());
    }

    @Test
    void onlyTheRefinersThatMatchPhotosNeedATargetDomain() {
        String model = "asset:" + "ab".repeat(32);
        List<Violation> bad = new ArrayList<>();
        new CameraModel(null, null, null, List.of(RefinerSpec.onnx(model, 256, 16)), null).check("camera", bad);
        assertTrue(bad.isEmpty(), bad.toString());
        new CameraModel(null, null, null, List.of(RefinerSpec.fda(0.01)), null).check("camera", bad);
        assertEquals(List.of("camera.targetDomain"), bad.stream().map(Violation::field).toList());
        assertFalse(RefinerSpec.onnx(model, 256, 16).needsTarget());
    }
}
