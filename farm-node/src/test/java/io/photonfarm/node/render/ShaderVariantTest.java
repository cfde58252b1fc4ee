package io.photonfarm.node.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.node.vulkan.ShaderCompiler;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
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
