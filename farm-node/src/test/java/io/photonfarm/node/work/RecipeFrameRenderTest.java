package io.photonfarm.node.work;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.tile.TileResult;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.FrameSpec;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.node.render.VulkanBackend;
import io.photonfarm.node.vulkan.VulkanContext;
import io.photonfarm.recipe.BuiltinRecipes;
import io.photonfarm.recipe.RecipeJson;
import io.photonfarm.recipe.draw.EnvironmentMaps;
import io.photonfarm.recipe.draw.RecipeSampler;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.procedural.ProceduralAssets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node draws recipe frames itself from the recipe its frame spec carries: frame k rendered alone,
 * by a fresh node, is bit for bit the frame k it renders in the middle of a job (after frames 0 to
 * k - 1 went through the same scene cache). Tiny tiles, few samples, lavapipe.
 */
class RecipeFrameRenderTest {
    @TempDir
    Path cacheDir;

    static final String RECIPE = RecipeJson.write(BuiltinRecipes.byName("dominoes").orElseThrow());
    static final long SEED = 5;

    /** The frame spec the coordinator hands out: the drawn camera, the recipe, a hash per frame. */
    static FrameSpec frame(int k) {
        CameraSpec c = new RecipeSampler(RecipeJson.read(RECIPE), new ProceduralAssets(), EnvironmentMaps.NONE)
                .draw(SEED, k).frame().camera();
        CameraPose pose = new CameraPose(new Vec3(c.position().x(), c.position().y(), c.position().z()),
                new Vec3(c.lookAt().x(), c.lookAt().y(), c.lookAt().z()), new Vec3(0, 1, 0), c.vfovDeg(), c.aperture(),
                c.focusDistance());
        return new FrameSpec(Grants.JOB, k, "recipe:dominoes", String.format("%064x", k + 1), 48, 32, SEED, 3, pose, true,
                RECIPE);
    }

    static WorkUnit unit(int k) {
        return new WorkUnit(new WorkUnitKey(Grants.JOB, k, 0, 0), new TileRect(8, 4, 32, 24), new SampleRange(0, 4));
    }

    private List<TileResult> render(VulkanBackend backend, int... frames) throws InterruptedException {
        List<TileResult> out = new ArrayList<>();
        SceneFiles none = new SceneFiles(cacheDir, h -> {
            throw new IllegalStateException("a recipe frame fetched a scene file");
        });
        try (SceneCache cache = new SceneCache(backend, none, 2)) {
            CachedSceneRenderer renderer = new CachedSceneRenderer(backend, cache);
            for (int k : frames) {
                out.add(renderer.render(frame(k), unit(k)));
            }
        }
        return out;
    }

    @Test
    void aRecipeFrameRenderedAloneIsBitIdenticalToTheSameFrameInAJob() throws InterruptedException {
        List<TileResult> job;
        TileResult alone;
        try (VulkanContext ctx = VulkanContext.create(null, false); VulkanBackend backend = new VulkanBackend(ctx, 2)) {
            job = render(backend, 0, 1, 2, 3);
        }
        try (VulkanContext ctx = VulkanContext.create(null, false); VulkanBackend backend = new VulkanBackend(ctx, 2)) {
            alone = render(backend, 3).get(0);
        }
        TileResult inJob = job.get(3);
        assertArrayEquals(inJob.sums(), alone.sums(), "radiance sums");
        assertArrayEquals(inJob.coverage(), alone.coverage(), "coverage");
        assertArrayEquals(inJob.labels(), alone.labels(), "label records");
        // Frames differ from each other, so equality above is not a constant image.
        assertEquals(false, java.util.Arrays.equals(job.get(2).sums(), inJob.sums()));
    }
}
