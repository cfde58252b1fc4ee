package io.photonfarm.node.vulkan;

import static org.lwjgl.system.MemoryUtil.*;
import static org.lwjgl.util.shaderc.Shaderc.*;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lwjgl.util.shaderc.ShadercIncludeResolve;
import org.lwjgl.util.shaderc.ShadercIncludeResult;
import org.lwjgl.util.shaderc.ShadercIncludeResultRelease;

/**
 * Compiles GLSL compute shaders to SPIR-V with shaderc. Includes are resolved through a function
 * from a name (relative to the including file's folder) to source text; errors carry file and line.
 */
public final class ShaderCompiler {
    /**
     * One shaderc compiler for the whole process, never released, and every compile holding its lock.
     * Releasing the last compiler finalises glslang's process-wide state (symbol tables built in the
     * pool of the thread that first compiled); after compiles on several, since-ended threads (one
     * per work loop) that crashed in {@code shaderc_compiler_release}. Compiles are rare (one per
     * shader variant per backend), so serialising them costs nothing.
     */
    private static final class Shaderc {
        static final long COMPILER = shaderc_compiler_initialize();
    }

    private final Function<String, String> sources;

    /** @param sources maps a path like {@code include/random.glsl} to its text, or null when absent */
    public ShaderCompiler(Function<String, String> sources) {
        this.sources = sources;
    }

    /**
     * @param name    the entry file's path, as understood by {@code sources}
     * @param defines macro definitions added before the source
     * @return SPIR-V words as bytes (a fresh heap buffer the caller owns)
     * @throws ShaderCompileException with shaderc's messages (file:line: error: ...)
     */
    public ByteBuffer compileCompute(String name, Map<String, String> defines) {
        synchronized (Shaderc.class) {
            return compileLocked(name, defines);
        }
    }

    private ByteBuffer compileLocked(String name, Map<String, String> defines) {
        String text = sources.apply(name);
        if (text == null) {
            throw new ShaderCompileException(name + ": shader source not found");
        }
        long compiler = Shaderc.COMPILER;
        if (compiler == 0) {
            throw new ShaderCompileException("shaderc could not create a compiler");
        }
        long options = shaderc_compile_options_initialize();
        List<Object> keepAlive = new ArrayList<>();
        ShadercIncludeResolve resolve = ShadercIncludeResolve.create((user, requested, type, requesting, depth) -> {
            String req = memUTF8(requested);
            String from = memUTF8(requesting);
            String folder = from.contains("/") ? from.substring(0, from.lastIndexOf('/') + 1) : "";
            String path = normalise(folder + req);
            String src = sources.apply(path);
            ShadercIncludeResult result = ShadercIncludeResult.calloc();
            ByteBuffer nameBuf = memUTF8(src == null ? "" : path, false);
            ByteBuffer content = memUTF8(src == null ? "cannot find include '" + req + "' (looked for " + path + ")" : src, false);
            result.source_name(nameBuf).content(content).user_data(0);
            return result.address();
        });
        ShadercIncludeResultRelease release = ShadercIncludeResultRelease.create((user, resultAddress) -> {
            ShadercIncludeResult result = ShadercIncludeResult.create(resultAddress);
            memFree(result.source_name());
            memFree(result.content());
            result.free();
        });
        keepAlive.add(resolve);
        keepAlive.add(release);
        long result = 0;
        try {
            shaderc_compile_options_set_include_callbacks(options, resolve, release, 0);
            shaderc_compile_options_set_target_env(options, shaderc_target_env_vulkan, shaderc_env_version_vulkan_1_2);
            // No spirv-opt pass: LWJGL 3.3.6's shaderc corrupts memory when optimising the path tracer
            // (a crash in shaderc_compiler_release), and the drivers optimise SPIR-V themselves.
            defines.forEach((k, v) -> shaderc_compile_options_add_macro_definition(options, k, v));
            result = shaderc_compile_into_spv(compiler, text, shaderc_compute_shader, name, "main", options);
            if (shaderc_result_get_compilation_status(result) != shaderc_compilation_status_success) {
                throw new ShaderCompileException("shader " + name + " did not compile:\n"
                        + shaderc_result_get_error_message(result));
            }
            ByteBuffer spirv = shaderc_result_get_bytes(result);
            ByteBuffer copy = ByteBuffer.allocateDirect(spirv.remaining());
            copy.put(spirv).flip();
            return copy;
        } finally {
            if (result != 0) {
                shaderc_result_release(result);
            }
            shaderc_compile_options_release(options);
            resolve.free();
            release.free();
        }
    }

    /** Resolves "a/b/../c" to "a/c"; refuses paths that climb above the root. */
    static String normalise(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return "<outside shader root>/" + path;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }
}
