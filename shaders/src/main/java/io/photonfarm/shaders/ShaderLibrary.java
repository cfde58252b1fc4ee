package io.photonfarm.shaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GLSL sources of the path tracer, read from the classpath. Entry points are {@code *.comp};
 * they include files under {@code include/} by concern. Binding numbers and limits are not written
 * in GLSL: {@link #defines()} supplies them as macros, so host and shaders cannot disagree.
 */
public final class ShaderLibrary {
    /** The path-tracing compute shader. */
    public static final String PATH_TRACER = "pathtrace.comp";
    /** Every include file, for tests that check each one. */
    public static final List<String> INCLUDES = List.of("include/bindings.glsl", "include/random.glsl",
            "include/sampling.glsl", "include/camera.glsl", "include/bvh.glsl", "include/textures.glsl",
            "include/surface.glsl", "include/bsdf.glsl", "include/lights.glsl");

    private ShaderLibrary() {
    }

    /** The text of {@code path} (e.g. {@code include/bvh.glsl}), or null when there is no such file. */
    public static String source(String path) {
        try (InputStream in = ShaderLibrary.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading shader " + path, e);
        }
    }

    /** Macro definitions every shader is compiled with: bindings, layout sizes and limits. */
    public static Map<String, String> defines() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("B_FRAME", Integer.toString(Bindings.FRAME));
        d.put("B_NODES", Integer.toString(Bindings.NODES));
        d.put("B_TRIS", Integer.toString(Bindings.TRIS));
        d.put("B_SHADING", Integer.toString(Bindings.SHADING));
        d.put("B_INSTANCES", Integer.toString(Bindings.INSTANCES));
        d.put("B_MATERIALS", Integer.toString(Bindings.MATERIALS));
        d.put("B_TEXINFOS", Integer.toString(Bindings.TEXINFOS));
        d.put("B_TEXELS", Integer.toString(Bindings.TEXELS));
        d.put("B_LIGHTS", Integer.toString(Bindings.LIGHTS));
        d.put("B_LIGHT_ALIAS", Integer.toString(Bindings.LIGHT_ALIAS));
        d.put("B_ENV_PIXELS", Integer.toString(Bindings.ENV_PIXELS));
        d.put("B_ENV_ROW_ALIAS", Integer.toString(Bindings.ENV_ROW_ALIAS));
        d.put("B_ENV_COL_ALIAS", Integer.toString(Bindings.ENV_COL_ALIAS));
        d.put("B_ACCUM", Integer.toString(Bindings.ACCUM));
        d.put("B_STATUS", Integer.toString(Bindings.STATUS));
        d.put("B_DISPATCH", Integer.toString(Bindings.DISPATCH));
        d.put("WORKGROUP_SIZE", Integer.toString(Bindings.WORKGROUP_SIZE));
        d.put("STACK_SIZE", Integer.toString(Bindings.TRAVERSAL_STACK));
        d.put("FIXED_FRACTION_BITS", Integer.toString(Bindings.FIXED_FRACTION_BITS));
        d.put("MAX_SAMPLE_RADIANCE", Float.toString(Bindings.MAX_SAMPLE_RADIANCE));
        return d;
    }
}
