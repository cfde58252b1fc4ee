package io.photonfarm.coordinator.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.job.AnnotationFormat;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.tile.LabelRecord;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.coordinator.dataset.FrameJob;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.raycast.Ray;
import io.photonfarm.labels.raycast.RayHit;
import io.photonfarm.labels.raycast.SceneRaycaster;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.procedural.Dominoes;
import io.photonfarm.scene.procedural.Primitives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.joml.Matrix4f;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A labelled frame of a scene of procedural objects, from the labeler to the job's BOP files: the
 * meshes' symmetries reach meta.json's objects and models_info.json, keyed by the obj_id scene_gt uses.
 */
class BopWriterThroughLabelerTest {
    private static final int W = 48;
    private static final int H = 32;

    @TempDir
    Path job;

    /** A 2-2 domino at the origin and a can at half size beside it, on nothing. */
    private static Scene scene() {
        Mesh domino = Dominoes.model(2, 2).mesh();
        Mesh can = Primitives.can().mesh();
        int[] canMaterials = new int[can.triangleCount()];
        Arrays.fill(canMaterials, 2);
        Mesh canMesh = new Mesh("can", can.positions(), can.normals(), can.uvs(), can.tangents(), can.indices(), canMaterials,
                can.landmarks(), can.symmetries());
        return new Scene(List.of(domino, canMesh),
                List.of(Material.diffuse("ivory", Rgb.WHITE), Material.diffuse("pips", Rgb.WHITE),
                        Material.diffuse("tin", Rgb.WHITE)), List.of(),
                List.of(new Instance(0, new Matrix4f().translate(-0.02f, 0, 0), "domino", "domino_2_2"),
                        new Instance(1, new Matrix4f().translate(0.04f, 0, 0).scale(0.5f), "can", "can")),
                Optional.empty(), new Environment.Constant(Rgb.WHITE));
    }

    /** The label record of every pixel centre, instance ids only (what a node's label pass would say). */
    private static LabelFrame labelsOf(Scene scene, PinholeCalibration cal) {
        SceneRaycaster rc = new SceneRaycaster(scene);
        double[] o = cal.cameraCentre();
        int[] words = new int[W * H * LabelRecord.WORDS];
        for (int v = 0; v < H; v++) {
            for (int u = 0; u < W; u++) {
                double[] d = cal.worldDirection(u + 0.5, v + 0.5);
                RayHit hit = rc.closest(new Ray(o[0], o[1], o[2], d[0], d[1], d[2]));
                words[(v * W + u) * LabelRecord.WORDS + LabelRecord.INSTANCE] = hit == null ? 0 : hit.instance() + 1;
            }
        }
        int[] covered = new int[W * H];
        Arrays.fill(covered, 1);
        return new LabelFrame(W, H, 1, words, covered);
    }

    @Test
    void theLabelersFrameCarriesSymmetriesIntoMetaJsonObjectsAndModelsInfo() throws IOException {
        Scene scene = scene();
        CameraPose pose = new CameraPose(new Vec3(0.01, 0.16, 0.16), new Vec3(0.01, 0.01, 0), new Vec3(0, 1, 0), 40, 0, 1, null);
        PinholeCalibration cal = PinholeCalibration.of(pose, W, H);
        FrameJob.LabelRequest request = new FrameJob.LabelRequest("test:procedural", Set.of(), Set.of(AnnotationFormat.BOP));
        FrameJob frame = new FrameJob(JobId.of("symmetric"), 0, W, H, 1, 5, pose, request);
        FrameLabeler labeler = new FrameLabeler(f -> scene);
        Path dir = job.resolve("frames/000000");
        Files.createDirectories(dir);
        FrameLabeler.Output out = labeler.label(frame, labelsOf(scene, cal), cal, dir);
        Files.writeString(dir.resolve("meta.json"), "{\"files\":[]}");
        labeler.writers(request).finishJob(job);

        // meta.json's objects (ObjectAnnotation as written): the domino's half turn, the can's axis and half turn.
        assertEquals(List.of("domino_2_2", "can"), out.objects().stream().map(ObjectAnnotation::category).toList());
        ObjectMapper json = new ObjectMapper();
        JsonNode domino = json.valueToTree(out.objects().get(0)).get("symmetries");
        assertEquals(1, domino.get("discrete").size());
        assertEquals(180, domino.get("discrete").get(0).get("angleDeg").asDouble(), 1e-9);
        assertEquals(0, domino.get("continuous").size());
        JsonNode can = json.valueToTree(out.objects().get(1)).get("symmetries");
        assertEquals(1, can.get("continuous").size());
        assertArrayEquals(new double[] {0, 0.06, 0}, doubles(can.get("discrete").get(0).get("through")), 1e-7,
                "object space, metres, before the instance's scale of 0.5");

        // models_info.json: obj_id as in scene_gt (can = 1, domino_2_2 = 2 in class-name order).
        JsonNode gt = json.readTree(job.resolve("annotations/bop/000000/scene_gt.json").toFile()).get("0");
        assertEquals(2, gt.size());
        JsonNode info = json.readTree(job.resolve("annotations/bop/models/models_info.json").toFile());
        assertTrue(info.has("1") && info.has("2") && info.size() == 2, info.toString());
        for (JsonNode g : gt) {
            assertTrue(info.has(g.get("obj_id").asText()));
        }
        assertArrayEquals(new double[] {-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1},
                doubles(info.get("2").get("symmetries_discrete").get(0)), 1e-9);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, -1, 0, 120, 0, 0, -1, 0, 0, 0, 0, 1},
                doubles(info.get("1").get("symmetries_discrete").get(0)), 1e-4, "unscaled model, mm");
        assertEquals(Dominoes.LENGTH * 1000, info.get("2").get("size_x").asDouble(), 1e-3);
        assertFalse(info.get("2").has("symmetries_continuous"));
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
