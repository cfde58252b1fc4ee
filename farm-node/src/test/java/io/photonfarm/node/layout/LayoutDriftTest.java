package io.photonfarm.node.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void frameAndPushBlocksHaveTheSizesTheBackendWrites() {
        Map<String, Integer> blocks = GlslLayout.std140Blocks(glsl);
        assertEquals(Bindings.FRAME_BYTES, blocks.get("FrameBlock"), "FrameBlock");
        assertEquals(Bindings.PUSH_BYTES, blocks.get("PushBlock"), "PushBlock");
    }

    @Test
    void theLayoutHelperKnowsStd430FromStd140() {
        String sample = "struct S { vec3 a; float b; vec2 c; };\nlayout(std140) uniform B { float x; vec4 y[2]; };";
        assertEquals(32, GlslLayout.std430Structs(sample).get("S"));
        assertEquals(48, GlslLayout.std140Blocks(sample).get("B"));
    }
}
