package io.photonfarm.node.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.photonfarm.api.tile.LabelRecord;
import io.photonfarm.scene.camera.LensMapping;
import io.photonfarm.scene.gpu.GpuLayout;
import io.photonfarm.shaders.Bindings;
import io.photonfarm.shaders.ShaderLibrary;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The struct and block sizes in GLSL equal the sizes the host writes. */
class LayoutDriftTest {
    private final String glsl = ShaderLibrary.source("include/bindings.glsl");

    @Test
    void sceneStructsHaveTheSizesThePackerWrites() {
        Map<String, Integer> structs = GlslLayout.std430Structs(glsl);
        assertEquals(GpuLayout.NODE, structs.get("Node"), "Node");
        assertEquals(GpuLayout.TRI, structs.get("Tri"), "Tri");
        assertEquals(GpuLayout.SHADING, structs.get("TriShading"), "TriShading");
        assertEquals(GpuLayout.INSTANCE, structs.get("Instance"), "Instance");
        assertEquals(GpuLayout.MATERIAL, structs.get("Material"), "Material");
        assertEquals(GpuLayout.TEXINFO, structs.get("TexInfo"), "TexInfo");
        assertEquals(GpuLayout.LIGHT, structs.get("LightTri"), "LightTri");
        assertEquals(GpuLayout.ALIAS, structs.get("Alias"), "Alias");
    }

    @Test
    void frameAndDispatchBlocksHaveTheSizesTheBackendWrites() {
        Map<String, Integer> structs = GlslLayout.std430Structs(glsl);
        assertEquals(Bindings.FRAME_BYTES, structs.get("FrameData"), "FrameData");
        assertEquals(Bindings.DISPATCH_BYTES, structs.get("DispatchParams"), "DispatchParams");
    }

    @Test
    void theWireLabelRecordHasTheShadersLayout() {
        assertEquals(Bindings.LABEL_WORDS_PER_PIXEL, LabelRecord.WORDS, "words per pixel");
        assertEquals(Bindings.LABEL_RANGE, LabelRecord.RANGE, "range");
        assertEquals(Bindings.LABEL_DEPTH_Z, LabelRecord.DEPTH_Z, "depth_z");
        assertEquals(Bindings.LABEL_POSITION, LabelRecord.POSITION, "position");
        assertEquals(Bindings.LABEL_NORMAL_GEOMETRIC, LabelRecord.NORMAL_GEOMETRIC, "geometric normal");
        assertEquals(Bindings.LABEL_NORMAL_SHADING, LabelRecord.NORMAL_SHADING, "shading normal");
        assertEquals(Bindings.LABEL_ALBEDO, LabelRecord.ALBEDO, "albedo");
        assertEquals(Bindings.LABEL_ROUGHNESS, LabelRecord.ROUGHNESS, "roughness");
        assertEquals(Bindings.LABEL_METALLIC, LabelRecord.METALLIC, "metallic");
        assertEquals(Bindings.LABEL_UV, LabelRecord.UV, "uv");
        assertEquals(Bindings.LABEL_INSTANCE, LabelRecord.INSTANCE, "instance");
        assertEquals(Bindings.LABEL_MATERIAL, LabelRecord.MATERIAL, "material");
    }

    @Test
    void theShaderTakesTheNewtonStepsTheLensCheckProvesEnough() {
        // The coordinator refuses a lens unless LensMapping's emulation of the shader's scheme converges.
        assertEquals(LensMapping.SHADER_NEWTON_STEPS, Bindings.LENS_NEWTON_STEPS);
        assertEquals(Integer.toString(LensMapping.SHADER_NEWTON_STEPS), ShaderLibrary.defines().get("LENS_NEWTON_STEPS"));
    }

    @Test
    void theShaderReadsNoUniformBlockOrPushConstants() {
        // lavapipe recompiles shaders specialised on uniform and push-constant values: see bindings.glsl.
        String code = GlslLayout.stripComments(glsl);
        assertEquals(-1, code.indexOf("uniform"), "a uniform block");
        assertEquals(-1, code.indexOf("push_constant"), "push constants");
    }

    @Test
    void theLayoutHelperKnowsStd430FromStd140() {
        String sample = "struct S { vec3 a; float b; vec2 c; };\nlayout(std140) uniform B { float x; vec4 y[2]; };";
        assertEquals(32, GlslLayout.std430Structs(sample).get("S"));
        assertEquals(48, GlslLayout.std140Blocks(sample).get("B"));
    }
}
