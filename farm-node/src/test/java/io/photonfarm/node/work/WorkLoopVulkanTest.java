package io.photonfarm.node.work;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.photonfarm.api.node.NodeHello;
import io.photonfarm.api.tile.TileResult;
import io.photonfarm.api.tile.TileResultCodec;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.node.render.FrameSettings;
import io.photonfarm.node.render.GpuScene;
import io.photonfarm.node.render.SceneUpload;
import io.photonfarm.node.render.VulkanBackend;
import io.photonfarm.node.vulkan.VulkanContext;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.ClaimReply;
import io.photonfarm.api.work.FrameSpec;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.api.work.WorkGrant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The work loop on the real Vulkan backend (lavapipe on the build machines), tiny tiles and sample counts. */
class WorkLoopVulkanTest {
    @TempDir
    Path cacheDir;

    @Test
    void anUploadedSceneIsFetchedOnceVerifiedKeptAndLoadedOnce() throws Exception {
        byte[] obj = ("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n").getBytes(StandardCharsets.US_ASCII);
        String hash = SceneFiles.sha256(obj);
        FrameSpec frame = new FrameSpec(Grants.JOB, 0, "scene:" + hash, hash, 64, 32, 7, 2, new CameraPose(
                new Vec3(0.3, 0.3, 2), new Vec3(0.3, 0.3, 0), new Vec3(0, 1, 0), 40, 0, 0));
        List<WorkGrant> grants = Grants.batch(2).grants().stream()
                .map(g -> new WorkGrant(g.assignment(), frame)).toList();
        try (FakeCoordinator coordinator = new FakeCoordinator();
             VulkanContext context = VulkanContext.create(null, false);
             VulkanBackend vulkan = new VulkanBackend(context, 0)) {
            coordinator.scenes.put(hash, new SceneFile("triangle.obj", obj));
            coordinator.claimReplies.add(new ClaimReply(grants));
            CountingBackend backend = new CountingBackend(vulkan);
            CoordinatorClient client = CoordinatorClient.create(coordinator.uri(), FakeCoordinator.TOKEN);
            Retrier retrier = retrier();
            SceneFiles files = new SceneFiles(cacheDir, h -> retrier.call("fetching scene " + h,
                    () -> client.fetchScene(h), () -> false));
            try (SceneCache scenes = new SceneCache(backend, files, 2)) {
                runUntilUploaded(coordinator, 2, new WorkLoop(client, new CachedSceneRenderer(backend, scenes), retrier,
                        Clock.systemUTC(), options(coordinator), new NodeHello("vulkan-node", NodeDevices.of(context), "t")));
            }
            assertEquals(2, coordinator.uploads.size());
            assertEquals(1, coordinator.requests.stream().filter(r -> r.path().startsWith("/api/v1/scenes/")).count(),
                    "fetched once");
            assertArrayEquals(obj, Files.readAllBytes(cacheDir.resolve(hash).resolve("triangle.obj")));
            assertEquals(1, backend.loads.get(), "loaded once");
        }
    }

    private NodeOptions options(FakeCoordinator coordinator) {
        return new NodeOptions(coordinator.uri(), FakeCoordinator.TOKEN, "vulkan-node", Duration.ofMillis(200), 8, 2,
                cacheDir, Duration.ofSeconds(5));
    }

    private static Retrier retrier() {
        return new Retrier(new Backoff(Duration.ofMillis(10), Duration.ofMillis(80)), d -> Thread.sleep(d.toMillis()),
                () -> 0.5, Clock.systemUTC());
    }

    /** Runs the loop on its own thread until {@code n} results arrived (or a minute passed), then stops it. */
    private static void runUntilUploaded(FakeCoordinator coordinator, int n, WorkLoop loop) throws InterruptedException {
        Thread t = new Thread(loop, "vulkan-work-loop");
        t.start();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (coordinator.uploads.size() < n && System.nanoTime() < end && t.isAlive()) {
            Thread.sleep(20);
        }
        loop.stop();
        assertTrue(loop.awaitStopped(Duration.ofSeconds(30)));
        assertEquals(WorkLoop.EXIT_OK, loop.exitCode());
    }

    @Test
    void theLoopUploadsCornellBoxUnitsBitIdenticalToADirectRenderAndLoadsTheSceneOnce() throws Exception {
        try (FakeCoordinator coordinator = new FakeCoordinator();
             VulkanContext context = VulkanContext.create(null, false);
             VulkanBackend vulkan = new VulkanBackend(context, 0)) {
            CountingBackend backend = new CountingBackend(vulkan);
            SceneFiles noFetching = new SceneFiles(cacheDir, h -> fail("a built-in scene is never fetched"));
            NodeHello hello = new NodeHello("vulkan-node", NodeDevices.of(context), "test");
            coordinator.claimReplies.add(Grants.batch(2)); // tiles 0 and 1 of a 64x32 frame, samples [0, 2)
            try (SceneCache scenes = new SceneCache(backend, noFetching, 2)) {
                runUntilUploaded(coordinator, 2, new WorkLoop(CoordinatorClient.create(coordinator.uri(),
                        FakeCoordinator.TOKEN), new CachedSceneRenderer(backend, scenes), retrier(), Clock.systemUTC(),
                        options(coordinator), hello));
            }
            assertEquals(2, coordinator.uploads.size(), "both units uploaded");
            assertEquals(1, backend.loads.get(), "the scene is loaded once for both units");
            assertEquals(2, backend.renders.get());

            // The reference: the same units rendered directly, with settings written out by hand.
            Scene cornell = BuiltinScenes.cornellBox();
            FrameSettings settings = new FrameSettings(64, 32, 0, Grants.frame(0).samplerSeed(), 4, true, 3,
                    cornell.camera().orElseThrow());
            TileResultCodec codec = new TileResultCodec(1 << 20);
            try (GpuScene scene = SceneUpload.load(vulkan, cornell)) {
                for (int i = 0; i < 2; i++) {
                    WorkUnit unit = Grants.grant(i, 1, 2).assignment().unit();
                    TileResult direct = vulkan.render(scene, settings, unit.rect(), unit.samples());
                    TileResult uploaded = codec.decode(coordinator.uploads.get(i).body());
                    assertEquals(unit.key(), coordinator.uploads.get(i).lease().key());
                    assertEquals(unit.rect(), uploaded.rect());
                    assertEquals(unit.samples(), uploaded.samples());
                    assertArrayEquals(direct.sums(), uploaded.sums(), "sums of unit " + unit.key());
                    assertFalse(Arrays.stream(direct.sums()).allMatch(v -> v == 0), "tile " + i + " is not black");
                }
            }
        }
    }
}
