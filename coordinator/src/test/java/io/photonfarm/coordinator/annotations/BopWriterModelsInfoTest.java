package io.photonfarm.coordinator.annotations;

import static io.photonfarm.coordinator.annotations.CocoWriterTest.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.job.AnnotationFormat;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.builtin.BuiltinScenes;
import io.photonfarm.scene.procedural.Dominoes;
import io.photonfarm.scene.procedural.Primitives;
import io.photonfarm.scene.procedural.ProceduralModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4dc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BOP's models/models_info.json: one entry per obj_id with bop_toolkit's keys, in millimetres in the
 * frame scene_gt's poses use, and the symmetries of the model in BOP form. Values are rounded to
 * 1e-5 mm, hence that tolerance.
 */
class BopWriterModelsInfoTest {
    /** The hand-made frames' classes: box = 1, coffee mug = 2 (a can here), zebra = 3 (no object, a plain tile). */
    static final Map<String, ProceduralModel> MODELS = Map.of("box", Primitives.box(), "coffee mug", Primitives.can(),
            "zebra", Dominoes.model(1, 2));

    @TempDir
    Path job;

    private final ObjectMapper json = new ObjectMapper();

    static FrameLabels withModels(FrameLabels f, Map<String, ObjectModel> models) {
        return new FrameLabels(f.frame(), f.width(), f.height(), f.calibration(), f.labels(), f.instancePass(), f.objects(),
                f.keypoints(), models);
    }

    /** Writes frames 0 and 1 of the hand-made job with {@code models}, finishes it and reads models_info.json. */
    JsonNode writeJob(Map<String, ObjectModel> frame0, Map<String, ObjectModel> frame1) throws IOException {
        AnnotationWriters writers = new AnnotationWriters(List.of(AnnotationFormat.BOP), HandMadeFrame.TOLERANCE);
        writers.writeFrame(withModels(HandMadeFrame.frame(0), frame0), HandMadeFrame.frameDir(job, 0));
        HandMadeFrame.markWritten(HandMadeFrame.frameDir(job, 0));
        writers.writeFrame(withModels(HandMadeFrame.frame(1), frame1), HandMadeFrame.frameDir(job, 1));
        HandMadeFrame.markWritten(HandMadeFrame.frameDir(job, 1));
        FormatReport report = writers.finishJob(job).formats().get(0);
        Path file = job.resolve("annotations/bop/models/models_info.json");
        if (!Files.exists(file)) {
            assertFalse(report.files().contains("annotations/bop/models/models_info.json"));
            return null;
        }
        assertTrue(report.files().contains("annotations/bop/models/models_info.json"), report.files().toString());
        return json.readTree(file.toFile());
    }

    static Map<String, ObjectModel> objectModels() {
        Map<String, ObjectModel> out = new java.util.TreeMap<>();
        MODELS.forEach((cls, m) -> out.put(cls, ObjectModel.of(m.mesh())));
        return out;
    }

    /** The largest distance between two vertices, pair by pair, millimetres. */
    static double bruteForceDiameterMm(Mesh mesh) {
        float[] p = mesh.positions();
        double best = 0;
        for (int i = 0; i < mesh.vertexCount(); i++) {
            for (int j = i + 1; j < mesh.vertexCount(); j++) {
                double dx = p[i * 3] - p[j * 3];
                double dy = p[i * 3 + 1] - p[j * 3 + 1];
                double dz = p[i * 3 + 2] - p[j * 3 + 2];
                best = Math.max(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
        return best * 1000;
    }

    /** Whether the BOP transform (4x4 row-major, mm) maps every vertex (in mm) to within 0.01 mm of a vertex. */
    static boolean mapsVerticesOntoVertices(Mesh mesh, double[] s) {
        float[] p = mesh.positions();
        for (int i = 0; i < mesh.vertexCount(); i++) {
            double[] x = new double[3];
            for (int r = 0; r < 3; r++) {
                x[r] = s[r * 4] * p[i * 3] * 1000 + s[r * 4 + 1] * p[i * 3 + 1] * 1000 + s[r * 4 + 2] * p[i * 3 + 2] * 1000
                        + s[r * 4 + 3];
            }
            boolean hit = false;
            for (int j = 0; j < mesh.vertexCount() && !hit; j++) {
                double dx = x[0] - p[j * 3] * 1000;
                double dy = x[1] - p[j * 3 + 1] * 1000;
                double dz = x[2] - p[j * 3 + 2] * 1000;
                hit = dx * dx + dy * dy + dz * dz < 1e-4;
            }
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void everyClassWithAModelHasBopsKeysInMillimetresWithTheBruteForceDiameter() throws IOException {
        JsonNode info = writeJob(objectModels(), objectModels());
        assertEquals(List.of("1", "2", "3"), fieldNames(info), "every class of the scene, seen or not, by obj_id");
        for (int id = 1; id <= 3; id++) {
            String cls = HandMadeFrame.CLASSES.get(id - 1);
            Mesh mesh = MODELS.get(cls).mesh();
            JsonNode e = info.get(Integer.toString(id));
            List<String> keys = new ArrayList<>(List.of("diameter", "min_x", "min_y", "min_z", "size_x", "size_y", "size_z"));
            if (!mesh.symmetries().continuous().isEmpty()) {
                keys.add("symmetries_continuous");
            }
            if (!mesh.symmetries().discrete().isEmpty()) {
                keys.add("symmetries_discrete");
            }
            assertEquals(keys, fieldNames(e), cls);
            assertEquals(bruteForceDiameterMm(mesh), e.get("diameter").asDouble(), 1e-5, cls);
            float[] b = mesh.bounds();
            assertEquals(b[0] * 1000.0, e.get("min_x").asDouble(), 1e-5);
            assertEquals(b[1] * 1000.0, e.get("min_y").asDouble(), 1e-5);
            assertEquals(b[2] * 1000.0, e.get("min_z").asDouble(), 1e-5);
            assertEquals((b[3] - b[0]) * 1000.0, e.get("size_x").asDouble(), 1e-5);
            assertEquals((b[4] - b[1]) * 1000.0, e.get("size_y").asDouble(), 1e-5);
            assertEquals((b[5] - b[2]) * 1000.0, e.get("size_z").asDouble(), 1e-5);
        }
        // The can (obj 2) is 66 x 120 x 66 mm resting on y = 0: its diameter is the diagonal of its side view.
        assertEquals(120, info.get("2").get("size_y").asDouble(), 1e-4);
        assertEquals(80, info.get("1").get("size_x").asDouble(), 0.0, "rounded to 1e-5 mm, not float noise");
        assertEquals(0, info.get("2").get("min_y").asDouble(), 1e-9);
    }

    @Test
    void symmetriesAreTheModelsInBopFormWithTranslationsInMillimetres() throws IOException {
        JsonNode info = writeJob(objectModels(), objectModels());
        // The box (80 x 50 x 60 mm, resting on y = 0): half turns about x, y, z through its centre (0, 25, 0) mm.
        JsonNode box = info.get("1").get("symmetries_discrete");
        assertEquals(3, box.size());
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, -1, 0, 50, 0, 0, -1, 0, 0, 0, 0, 1}, doubles(box.get(0)), 1e-4);
        assertArrayEquals(new double[] {-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1}, doubles(box.get(1)), 1e-4);
        assertArrayEquals(new double[] {-1, 0, 0, 0, 0, -1, 0, 50, 0, 0, 1, 0, 0, 0, 0, 1}, doubles(box.get(2)), 1e-4);
        // The can: any turn about y through the origin, and a half turn about x through its middle (60 mm up).
        JsonNode can = info.get("2");
        assertArrayEquals(new double[] {0, 1, 0}, doubles(can.get("symmetries_continuous").get(0).get("axis")), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0}, doubles(can.get("symmetries_continuous").get(0).get("offset")), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, -1, 0, 120, 0, 0, -1, 0, 0, 0, 0, 1},
                doubles(can.get("symmetries_discrete").get(0)), 1e-4);
        // Each written transform is the model's (the group, in order), and moves the mesh in mm onto itself.
        for (int id = 1; id <= 2; id++) {
            Mesh mesh = MODELS.get(HandMadeFrame.CLASSES.get(id - 1)).mesh();
            List<Matrix4dc> group = mesh.symmetries().discreteGroup();
            JsonNode written = info.get(Integer.toString(id)).get("symmetries_discrete");
            assertEquals(group.size(), written.size());
            for (int k = 0; k < group.size(); k++) {
                double[] s = doubles(written.get(k));
                for (int r = 0; r < 4; r++) {
                    for (int c = 0; c < 4; c++) {
                        assertEquals(group.get(k).get(c, r) * (c == 3 && r < 3 ? 1000 : 1), s[r * 4 + c], 1e-5);
                    }
                }
                assertTrue(mapsVerticesOntoVertices(mesh, s), "obj " + id + " symmetry " + k);
            }
        }
        // The 1-2 tile has none: no symmetry keys at all, as in BOP's files.
        assertFalse(info.get("3").has("symmetries_discrete"));
        assertFalse(info.get("3").has("symmetries_continuous"));
    }

    @Test
    void anObjIdThatIsAnotherModelInAnotherFrameGetsNoEntryAndNoModelsNoFile() throws IOException {
        Map<String, ObjectModel> other = new java.util.TreeMap<>(objectModels());
        other.put("coffee mug", ObjectModel.of(Primitives.torus().mesh()));
        JsonNode info = writeJob(objectModels(), other);
        assertEquals(List.of("1", "3"), fieldNames(info));
        assertEquals(null, writeJob(Map.of(), Map.of()));
    }

    @Test
    void aClassWhoseInstancesPlaceDifferentMeshesHasNoModel() {
        // The Cornell box labels its short and its tall block as one class "box".
        Map<String, ObjectModel> models = ObjectModel.forScene(BuiltinScenes.cornellBox(), ObjectModel::diameterOf);
        assertFalse(models.containsKey("box"), models.keySet().toString());
    }

    @Test
    void theDiameterIsExactForLargeAndRoundPointSets() {
        java.util.Random rnd = new java.util.Random(7);
        for (int n : new int[] {2, 3, 50, 3000}) {
            float[] xyz = new float[n * 3];
            for (int i = 0; i < xyz.length; i += 3) {
                // Points on a sphere: every point is nearly a diameter's end, the worst case for pruning.
                double u = rnd.nextGaussian();
                double v = rnd.nextGaussian();
                double w = rnd.nextGaussian();
                double len = Math.sqrt(u * u + v * v + w * w);
                xyz[i] = (float) (u / len);
                xyz[i + 1] = (float) (v / len * (i % 2 == 0 ? 1 : 0.5));
                xyz[i + 2] = (float) (w / len);
            }
            double brute = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double dx = xyz[i * 3] - xyz[j * 3];
                    double dy = xyz[i * 3 + 1] - xyz[j * 3 + 1];
                    double dz = xyz[i * 3 + 2] - xyz[j * 3 + 2];
                    brute = Math.max(brute, Math.sqrt(dx * dx + dy * dy + dz * dz));
                }
            }
            assertEquals(brute, ObjectModel.diameterOf(xyz), 0.0, n + " points");
        }
    }
}
