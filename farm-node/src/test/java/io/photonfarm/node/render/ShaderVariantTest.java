package io.photonfarm.node.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.image.FloatImage;
import io.photonfarm.node.vulkan.ShaderCompiler;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import io.photonfarm.scene.gpu.PackedScene;
import io.photonfarm.scene.gpu.SceneFeature;
import io.photonfarm.scene.gpu.ScenePacker;
import io.photonfarm.shaders.ShaderLibrary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shader variants per scene feature set: they compile, and a scene is rendered by the variant of its features. */
class ShaderVariantTest {

    @Test
    void theShadersKnowExactlyTheFeaturesTheScenePackerReports() {
        assertEquals(ShaderLibrary.FEATURES, Arrays.stream(SceneFeature.values()).map(Enum::name).toList());
        assertThrows(IllegalArgumentException.class, () -> ShaderLibrary.defines(List.of("SUBSURFACE")));
    }

    @Test
    void theVariantsWithoutAnyOneFeatureWithNoneAndWithAllCompile() {
        ShaderCompiler compiler = new ShaderCompiler(ShaderLibrary::source);
        List<List<String>> sets = new ArrayList<>();
        sets.add(List.of());
        sets.add(ShaderLibrary.FEATURES);
        for (String left : ShaderLibrary.FEATURES) {
            List<String> rest = new ArrayList<>(ShaderLibrary.FEATURES);
            rest.remove(left);
            sets.add(rest);
        }
        for (List<String> set : sets) {
            assertTrue(compiler.compileCompute(ShaderLibrary.PATH_TRACER, ShaderLibrary.defines(set)).remaining() > 1000,
                    set.toString());
        }
    }

    @Test
    void scenesReportTheFeaturesTheirMaterialsLightsAndEnvironmentUse() {
        assertEquals(Set.of(SceneFeature.TRIANGLE_LIGHTS), ScenePacker.pack(BuiltinScenes.cornellBox()).features());
        Scene furnace = BuiltinScenes.whiteFurnace(Rgb.WHITE.scale(0.5f));
        assertTrue(ScenePacker.pack(furnace).features().contains(SceneFeature.ENVIRONMENT_LIGHT));
        Scene dark = furnace.withEnvironment(Environment.black());
        assertTrue(!ScenePacker.pack(dark).features().contains(SceneFeature.ENVIRONMENT_LIGHT), "a black sky emits nothing");
    }

    @Test
    void theFullVariantRendersAPlainSceneLikeItsMinimalVariant() {
        // The guards may only leave out code whose contribution is exactly zero for the scene: the
        // Cornell box (diffuse, one area light, black sky) through the variant with every feature
        // must give the same image as through its own. Only float contraction may differ.
        Scene box = BuiltinScenes.cornellBox();
        PackedScene packed = ScenePacker.pack(box);
        SceneConstants own = SceneUpload.constants(packed);
        SceneConstants all = new SceneConstants(own.tlasRoot(), own.lightCount(), own.lightTotalWeight(), own.envWidth(),
                own.envHeight(), own.envIntensity(), own.envRotationRad(), own.envTotalWeight(),
                EnumSet.allOf(SceneFeature.class));
        FrameSettings f = FrameSettings.of(24, 24, 3, 4, true, box.camera().orElseThrow());
        try (RenderFixture fx = new RenderFixture();
             GpuScene minimal = fx.backend.load(SceneUpload.buffers(packed), own);
             GpuScene full = fx.backend.load(SceneUpload.buffers(packed), all)) {
            FloatImage a = fx.render(minimal, f, 8).toImage();
            FloatImage b = fx.render(full, f, 8).toImage();
            assertEquals(2, fx.backend.variantCount());
            double sumA = 0;
            double sumB = 0;
            int differing = 0;
            for (int i = 0; i < a.data().length; i++) {
                sumA += a.data()[i];
                sumB += b.data()[i];
                if (Math.abs(a.data()[i] - b.data()[i]) > 1e-4 * (1 + Math.abs(a.data()[i]))) {
                    differing++;
                }
            }
            assertTrue(sumA > 1, "the box is lit");
            assertEquals(1.0, sumB / sumA, 1e-3, "whole-image mean");
            assertTrue(differing <= a.data().length / 100, differing + " of " + a.data().length + " values differ");
        }
    }

    @Test
    void aSceneIsRenderedByTheVariantOfItsFeaturesAndVariantsAreCompiledOnce() {
        Scene box = BuiltinScenes.cornellBox();
        Scene furnace = BuiltinScenes.whiteFurnace(Rgb.WHITE.scale(0.5f));
        try (RenderFixture fx = new RenderFixture(); GpuScene a = fx.load(box); GpuScene b = fx.load(furnace)) {
            assertEquals(EnumSet.of(SceneFeature.TRIANGLE_LIGHTS), a.constants().features());
            fx.render(a, FrameSettings.of(8, 8, 1, 2, true, box.camera().orElseThrow()), 2);
            fx.render(b, FrameSettings.of(8, 8, 1, 2, true, furnace.camera().orElseThrow()), 2);
            fx.render(a, FrameSettings.of(8, 8, 2, 2, true, box.camera().orElseThrow()), 2);
            assertEquals(2, fx.backend.variantCount());
        }
    }
}
