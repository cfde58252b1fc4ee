package io.photonfarm.node.vulkan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.shaders.ShaderLibrary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShaderCompilerTest {

    @Test
    void thePathTracerCompilesToSpirv() {
        ByteBuffer spirv = new ShaderCompiler(ShaderLibrary::source).compileCompute(ShaderLibrary.PATH_TRACER, ShaderLibrary.defines());
        assertTrue(spirv.remaining() > 1000);
        assertEquals(0x07230203, spirv.order(ByteOrder.LITTLE_ENDIAN).getInt(0), "SPIR-V magic number");
    }

    @Test
    void everyIncludeExists() {
        for (String include : ShaderLibrary.INCLUDES) {
            assertTrue(ShaderLibrary.source(include) != null, include);
        }
    }

    @Test
    void anErrorInAnIncludeNamesThatFileAndLine() {
        Map<String, String> files = Map.of(
                "main.comp", "#version 460\n#extension GL_GOOGLE_include_directive : require\nlayout(local_size_x = 1) in;\n#include \"include/broken.glsl\"\nvoid main() {}\n",
                "include/broken.glsl", "// fine\n// fine\nfloat f() { return undefined_name; }\n");
        ShaderCompileException e = assertThrows(ShaderCompileException.class,
                () -> new ShaderCompiler(files::get).compileCompute("main.comp", Map.of()));
        assertTrue(e.getMessage().contains("include/broken.glsl:3"), e.getMessage());
        assertTrue(e.getMessage().contains("undefined_name"), e.getMessage());
    }

    @Test
    void compilingWithoutTheHostDefinesFailsLoudly() {
        ShaderCompileException e = assertThrows(ShaderCompileException.class,
                () -> new ShaderCompiler(ShaderLibrary::source).compileCompute(ShaderLibrary.PATH_TRACER, Map.of()));
        assertTrue(e.getMessage().contains("binding macros are missing"), e.getMessage());
    }

    @Test
    void aMissingIncludeIsNamed() {
        Map<String, String> files = Map.of("main.comp",
                "#version 460\n#extension GL_GOOGLE_include_directive : require\nlayout(local_size_x = 1) in;\n#include \"nope.glsl\"\nvoid main() {}\n");
        ShaderCompileException e = assertThrows(ShaderCompileException.class,
                () -> new ShaderCompiler(files::get).compileCompute("main.comp", Map.of()));
        assertTrue(e.getMessage().contains("nope.glsl"), e.getMessage());
    }
}
