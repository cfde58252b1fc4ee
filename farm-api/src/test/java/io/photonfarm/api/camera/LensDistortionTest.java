package io.photonfarm.api.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.Vec3;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LensDistortionTest {
    /** As strict as the coordinator's API mapper. */
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @Test
    void coefficientsLeftOutOfTheJsonAreZeroAndWritingReadsBackEqual() throws Exception {
        LensDistortion lens = json.readValue("{\"model\": \"brown-conrady\", \"k1\": -0.2, \"p2\": 0.001}", LensDistortion.class);
        assertEquals(LensDistortion.brownConrady(-0.2, 0, 0, 0.001, 0), lens);
        String written = json.writeValueAsString(lens);
        assertFalse(written.contains("fisheye"), written);
        assertEquals(lens, json.readValue(written, LensDistortion.class));
    }

    @Test
    void openCvOrderIsK1K2P1P2K3ForBrownConradyAndK1ToK4ForTheFisheye() {
        assertArrayEquals(new double[] {1, 2, 4, 5, 3}, new LensDistortion("brown-conrady", 1, 2, 3, 0, 4, 5).opencvCoefficients());
        assertArrayEquals(new double[] {1, 2, 3, 4}, LensDistortion.kannalaBrandt(1, 2, 3, 4).opencvCoefficients());
    }

    @Test
    void aCameraPoseWithoutALensWritesNoLensFieldAndOneWithALensReadsBackEqual() throws Exception {
        CameraPose plain = new CameraPose(new Vec3(0, 1, 2), new Vec3(0, 0, 0), new Vec3(0, 1, 0), 40, 0, 0);
        String written = json.writeValueAsString(plain);
        assertFalse(written.contains("lens"), written);
        assertNull(json.readValue(written, CameraPose.class).lens());
        CameraPose fisheye = plain.withLens(LensDistortion.kannalaBrandt(0.1, -0.02, 0.003, 0));
        assertEquals(fisheye, json.readValue(json.writeValueAsString(fisheye), CameraPose.class));
    }

    @Test
    void coefficientsTheModelDoesNotHaveAreRefusedByName() {
        List<JobSpecException.Violation> bad = new ArrayList<>();
        new LensDistortion("brown-conrady", 0.1, 0, 0, 0.5, 0, 0).check("camera.lens", bad);
        new LensDistortion("kannala-brandt", 0.1, 0, 0, 0, 0.01, 0).check("camera.lens", bad);
        new LensDistortion("fisheye", Double.NaN, 0, 0, 0, 0, 0).check("camera.lens", bad);
        assertEquals(List.of("camera.lens.k4", "camera.lens.p1", "camera.lens.model", "camera.lens.k1"),
                bad.stream().map(JobSpecException.Violation::field).toList());
    }
}
