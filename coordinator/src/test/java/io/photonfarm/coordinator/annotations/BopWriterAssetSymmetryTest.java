package io.photonfarm.coordinator.annotations;

import static io.photonfarm.coordinator.annotations.CocoWriterTest.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.asset.AssetMetadata;
import io.photonfarm.api.asset.AssetSymmetry;
import io.photonfarm.coordinator.assets.AssetException;
import io.photonfarm.coordinator.assets.AssetLibrary;
import io.photonfarm.coordinator.assets.AssetLimits;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Scene;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An uploaded asset's declared symmetries (metadata {@code symmetry}: axis through the origin and
 * order, 0 = continuous) reach BOP's models_info.json: order n as its n - 1 turns (with those of the
 * other declared axes composed into the whole group), order 0 as a continuous axis through the origin.
 */
class BopWriterAssetSymmetryTest {
    /** A square prism 40 x 20 x 40 mm centred on the origin: quarter turns about y and half turns about x keep it. */
    private static final String PRISM = """
            v -0.02 -0.01 -0.02
            v 0.02 -0.01 -0.02
            v 0.02 -0.01 0.02
            v -0.02 -0.01 0.02
            v -0.02 0.01 -0.02
            v 0.02 0.01 -0.02
            v 0.02 0.01 0.02
            v -0.02 0.01 0.02
            f 1 2 3
            f 1 3 4
            f 5 7 6
            f 5 8 7
            f 1 5 6
            f 1 6 2
            f 2 6 7
            f 2 7 3
            f 3 7 8
            f 3 8 4
            f 4 8 5
            f 4 5 1
            """;

    @TempDir
    Path root;
    @TempDir
    Path job;

    private AssetLibrary library;
    private String hash;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void uploadThePrism() throws IOException, InterruptedException {
        library = new AssetLibrary(root.resolve("assets"), AssetLimits.DEFAULT, json, Clock.systemUTC());
        byte[] obj = PRISM.getBytes(StandardCharsets.UTF_8);
        hash = library.upload("prism.obj", new ByteArrayInputStream(obj), obj.length).asset().hash();
    }

    /** The asset labelled with {@code symmetry}, written as obj_id 1 ("box") of the hand-made job; its entry. */
    private JsonNode modelsInfoWith(List<AssetSymmetry> symmetry) throws IOException {
        library.updateMetadata(hash, new AssetMetadata("box", List.of(), symmetry));
        Scene scene = library.scene(hash);
        Map<String, ObjectModel> models = ObjectModel.forScene(scene, ObjectModel::diameterOf);
        assertEquals(List.of("box"), new ArrayList<>(models.keySet()));
        BopWriterModelsInfoTest writer = new BopWriterModelsInfoTest();
        writer.job = job;
        JsonNode info = writer.writeJob(models, models);
        JsonNode entry = info.get("1");
        assertEquals(Math.sqrt(40 * 40 + 20 * 20 + 40 * 40), entry.get("diameter").asDouble(), 1e-3);
        assertEquals(-20, entry.get("min_x").asDouble(), 1e-4);
        assertEquals(20, entry.get("size_y").asDouble(), 1e-4);
        Mesh mesh = scene.meshes().get(0);
        if (entry.has("symmetries_discrete")) {
            for (JsonNode s : entry.get("symmetries_discrete")) {
                assertTrue(BopWriterModelsInfoTest.mapsVerticesOntoVertices(mesh, doubles(s)), s.toString());
            }
        }
        return entry;
    }

    @Test
    void orderFourAboutYIsThreeQuarterTurnsAboutTheOriginInBopForm() throws IOException {
        JsonNode entry = modelsInfoWith(List.of(new AssetSymmetry(List.of(0.0, 2.0, 0.0), 4)));
        assertFalse(entry.has("symmetries_continuous"));
        JsonNode d = entry.get("symmetries_discrete");
        assertEquals(3, d.size());
        // 90, 180 and 270 degrees about +y (right-handed: x goes to -z), no translation: the axis is the origin's.
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 0, 1}, doubles(d.get(0)), 1e-6);
        assertArrayEquals(new double[] {-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1}, doubles(d.get(1)), 1e-6);
        assertArrayEquals(new double[] {0, 0, -1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1}, doubles(d.get(2)), 1e-6);
    }

    @Test
    void aContinuousAxisIsWrittenUnitWithTheOriginAsOffset() throws IOException {
        JsonNode entry = modelsInfoWith(List.of(new AssetSymmetry(List.of(0.0, 3.0, 0.0), 0)));
        assertFalse(entry.has("symmetries_discrete"));
        JsonNode c = entry.get("symmetries_continuous");
        assertEquals(1, c.size());
        assertArrayEquals(new double[] {0, 1, 0}, doubles(c.get(0).get("axis")), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0}, doubles(c.get(0).get("offset")), 1e-12);
    }

    @Test
    void turnsAboutTwoAxesAreListedAsTheWholeGroupTheyGenerate() throws IOException {
        JsonNode entry = modelsInfoWith(List.of(new AssetSymmetry(List.of(0.0, 1.0, 0.0), 4),
                new AssetSymmetry(List.of(1.0, 0.0, 0.0), 2)));
        // The square prism's rotation group has 8 elements: 7 besides the identity, each checked on the mesh above.
        assertEquals(7, entry.get("symmetries_discrete").size());
    }

    @Test
    void metadataWhoseTurnsGenerateNoFiniteGroupIsRefused() {
        AssetException e = assertThrows(AssetException.class, () -> library.updateMetadata(hash, new AssetMetadata("box",
                List.of(), List.of(new AssetSymmetry(List.of(0.0, 1.0, 0.0), 5), new AssetSymmetry(List.of(1.0, 0.0, 0.0), 7)))));
        assertTrue(e.getMessage().contains("symmetry"), e.getMessage());
    }

    @Test
    void metaJsonObjectsCarryTheDeclaredSymmetriesInObjectSpace() {
        library.updateMetadata(hash, new AssetMetadata("box", List.of(), List.of(new AssetSymmetry(List.of(0.0, 1.0, 0.0), 2))));
        var s = io.photonfarm.labels.SymmetryAnnotation.of(library.scene(hash).meshes().get(0).symmetries());
        assertEquals(1, s.discrete().size());
        assertEquals(180, s.discrete().get(0).angleDeg(), 1e-9);
        assertArrayEquals(new double[] {0, 1, 0}, s.discrete().get(0).axis(), 1e-9);
        assertArrayEquals(new double[] {-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1}, s.discrete().get(0).transform(), 1e-6);
        assertTrue(s.continuous().isEmpty());
        // As meta.json writes it: object space, metres, a 4x4 row-major transform beside axis and angle.
        JsonNode written = json.valueToTree(s);
        assertEquals(List.of("discrete", "continuous"), BopWriterModelsInfoTest.fieldNames(written));
        assertEquals(List.of("axis", "angleDeg", "through", "transform"),
                BopWriterModelsInfoTest.fieldNames(written.get("discrete").get(0)));
    }
}
