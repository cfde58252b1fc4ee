package io.photonfarm.coordinator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.ApiError;
import io.photonfarm.api.camera.LensDistortion;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.api.job.JobView;
import io.photonfarm.api.work.WorkGrant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's {@code camera.lens}: refused at submission, naming the field, when it is malformed or cannot
 * be inverted over the job's images; otherwise carried by every frame's camera to the nodes.
 */
class LensJobTest {
    @TempDir
    static Path dataDir;
    static TestFarm farm;

    @BeforeAll
    static void start() {
        farm = TestFarm.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (farm != null) {
            farm.close();
        }
    }

    private static String job(String id, String lens) {
        return "{\"id\": \"" + id + "\", \"sceneRef\": \"builtin:cornell-box\", \"passes\": [], \"writers\": [], \"frames\": 2,"
                + " \"width\": 64, \"height\": 48, \"tileSize\": 64, \"spp\": 1, \"samplesPerUnit\": 1, \"camera\": {\"lens\": "
                + lens + "}}";
    }

    private static List<JobSpecException.Violation> refused(String body) {
        TestFarm.Reply r = farm.client("POST", "/api/v1/jobs", body);
        assertEquals(400, r.status(), r.text());
        ApiError e = r.error();
        return e.violations();
    }

    @Test
    void aLensWhoseImageFoldsBeforeTheCornerIsRefusedNamingCameraLens() {
        // g(r) = r - r^3 turns back at r_d = 0.385; the Cornell box's 40 degree view at 4:3 reaches 0.61 at its corner.
        List<JobSpecException.Violation> bad = refused(job("fold", "{\"model\": \"brown-conrady\", \"k1\": -1.0}"));
        assertEquals(1, bad.size(), bad.toString());
        assertEquals("camera.lens", bad.get(0).field());
        assertTrue(bad.get(0).limit().contains("increases strictly out to the image corner")
                && bad.get(0).limit().contains("64x48"), bad.get(0).limit());
        assertEquals(404, farm.client("GET", "/api/v1/jobs/fold").status(), "nothing was stored");
    }

    @Test
    void aFisheyeNeedingRaysBeyondNinetyDegreesForARecipesWidestViewIsRefused() {
        // The recipe draws views up to 150 degrees: the equidistant fisheye's corner would be 6 rad off the axis.
        String body = """
                {"id": "wide", "passes": [], "writers": [], "width": 64, "height": 48, "tileSize": 64, "spp": 1,
                 "samplesPerUnit": 1, "camera": {"lens": {"model": "kannala-brandt"}},
                 "recipe": {"version": 1, "objects": [{"asset": "procedural:box"}], "camera": {"vfovDeg": {"min": 40, "max": 150}}}}""";
        List<JobSpecException.Violation> bad = refused(body);
        assertEquals(1, bad.size(), bad.toString());
        assertEquals("camera.lens", bad.get(0).field());
        assertTrue(bad.get(0).limit().contains("below 90 degrees") && bad.get(0).limit().contains("150"), bad.get(0).limit());
    }

    @Test
    void malformedCoefficientsAreRefusedEachByName() {
        List<JobSpecException.Violation> bad = refused(job("coefficients",
                "{\"model\": \"brown-conrady\", \"k1\": -0.1, \"k4\": 0.2, \"p2\": 11}"));
        List<String> fields = bad.stream().map(JobSpecException.Violation::field).sorted().toList();
        assertEquals(List.of("camera.lens.k4", "camera.lens.p2"), fields, bad.toString());
        assertEquals("camera.lens.model", refused(job("model", "{\"model\": \"fisheye\"}")).get(0).field());
        assertEquals(List.of("camera.lens.p1"), refused(job("fisheye-p1", "{\"model\": \"kannala-brandt\", \"p1\": 0.01}"))
                .stream().map(JobSpecException.Violation::field).toList());
    }

    @Test
    void anAcceptedLensTravelsWithEveryFramesCameraToTheNodes() {
        JobView v = farm.submit(job("barrel", "{\"model\": \"brown-conrady\", \"k1\": -0.2, \"k2\": 0.05, \"p1\": 0.001}"));
        assertEquals(new LensDistortion("brown-conrady", -0.2, 0.05, 0, 0, 0.001, 0), v.spec().camera().lens());
        TestNode node = farm.node("lens-node");
        List<WorkGrant> grants = new ArrayList<>();
        for (List<WorkGrant> g = node.claim(16); !g.isEmpty(); g = node.claim(16)) {
            grants.addAll(g);
        }
        assertEquals(2, grants.size());
        for (WorkGrant g : grants) {
            assertEquals(v.spec().camera().lens(), g.frame().camera().lens(), "frame " + g.frame().frame());
        }
        assertTrue(grants.get(0).frame().camera().position().x() != grants.get(1).frame().camera().position().x()
                || grants.get(0).frame().camera().position().z() != grants.get(1).frame().camera().position().z(),
                "the frames orbit: two different poses, one lens");
        farm.client("POST", "/api/v1/jobs/barrel/cancel");
    }
}
