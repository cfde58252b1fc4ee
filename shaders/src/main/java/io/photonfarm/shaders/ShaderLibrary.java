package io.photonfarm.shaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
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
    /** A generated include: the Sobol direction numbers as constants. */
    public static final String SOBOL_INCLUDE = "include/sobol.glsl";
    /** Every include file, for tests that check each one. */
    public static final List<String> INCLUDES = List.of("include/bindings.glsl", "include/random.glsl",
            "include/sampling.glsl", "include/camera.glsl", "include/bvh.glsl", "include/textures.glsl",
            "include/surface.glsl", "include/bsdf.glsl", "include/lights.glsl", "include/labels.glsl");

    /**
     * Optional shading features, each a macro {@code FEATURE_<NAME>} of value 0 or 1: a variant
     * compiled without a feature leaves its code out (see asset-library's SceneFeature).
     */
    public static final List<String> FEATURES = List.of("TEXTURES", "NORMAL_MAPS", "GLOSSY", "TRANSMISSION",
            "TRIANGLE_LIGHTS", "ENVIRONMENT_LIGHT");

    private ShaderLibrary() {
    }

    /** The text of {@code path} (e.g. {@code include/bvh.glsl}), or null when there is no such file. */
    public static String source(String path) {
        if (path.equals(SOBOL_INCLUDE)) {
            return sobolInclude();
        }
        try (InputStream in = ShaderLibrary.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading shader " + path, e);
        }
    }

    /** Macro definitions of the variant with every feature: bindings, layout sizes, limits, features. */
    public static Map<String, String> defines() {
        return defines(FEATURES);
    }

    /**
     * Macro definitions of the variant with exactly {@code features} (names from {@link #FEATURES}).
     *
     * @throws IllegalArgumentException naming a feature the shaders do not know
     */
    public static Map<String, String> defines(Collection<String> features) {
        for (String f : features) {
            if (!FEATURES.contains(f)) {
                throw new IllegalArgumentException("unknown shader feature '" + f + "'; known: " + FEATURES);
            }
        }
        Map<String, String> d = new LinkedHashMap<>();
        for (String f : FEATURES) {
            d.put("FEATURE_" + f, features.contains(f) ? "1" : "0");
        }
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
        d.put("B_LABELS", Integer.toString(Bindings.LABELS));
        d.put("ACCUM_WORDS", Bindings.ACCUM_WORDS_PER_PIXEL + "u");
        d.put("ACCUM_COVERAGE", Bindings.ACCUM_COVERAGE + "u");
        d.put("LABEL_WORDS", Bindings.LABEL_WORDS_PER_PIXEL + "u");
        d.put("LABEL_RANGE", Bindings.LABEL_RANGE + "u");
        d.put("LABEL_DEPTH_Z", Bindings.LABEL_DEPTH_Z + "u");
        d.put("LABEL_POSITION", Bindings.LABEL_POSITION + "u");
        d.put("LABEL_NORMAL_GEOMETRIC", Bindings.LABEL_NORMAL_GEOMETRIC + "u");
        d.put("LABEL_NORMAL_SHADING", Bindings.LABEL_NORMAL_SHADING + "u");
        d.put("LABEL_ALBEDO", Bindings.LABEL_ALBEDO + "u");
        d.put("LABEL_ROUGHNESS", Bindings.LABEL_ROUGHNESS + "u");
        d.put("LABEL_METALLIC", Bindings.LABEL_METALLIC + "u");
        d.put("LABEL_UV", Bindings.LABEL_UV + "u");
        d.put("LABEL_INSTANCE", Bindings.LABEL_INSTANCE + "u");
        d.put("LABEL_MATERIAL", Bindings.LABEL_MATERIAL + "u");
        d.put("FLAG_BROWN_CONRADY", Bindings.FLAG_BROWN_CONRADY + "u");
        d.put("FLAG_KANNALA_BRANDT", Bindings.FLAG_KANNALA_BRANDT + "u");
        d.put("LENS_NEWTON_STEPS", Integer.toString(Bindings.LENS_NEWTON_STEPS));
        d.put("WORKGROUP_SIZE", Integer.toString(Bindings.WORKGROUP_SIZE));
        d.put("STACK_SIZE", Integer.toString(Bindings.TRAVERSAL_STACK));
        d.put("FIXED_FRACTION_BITS", Integer.toString(Bindings.FIXED_FRACTION_BITS));
        d.put("MAX_SAMPLE_RADIANCE", Float.toString(Bindings.MAX_SAMPLE_RADIANCE));
        return d;
    }

    /**
     * The generated include {@link #SOBOL_INCLUDE}: the Sobol direction numbers as a GLSL constant
     * array. Constants compiled into the shader cost nothing to read, where a table in a buffer costs
     * 128 loads per sample. (An include, not a macro: shaderc corrupts memory on macros this long.)
     */
    static String sobolInclude() {
        int[][] t = SobolDirections.table();
        StringBuilder sb = new StringBuilder("// Generated by ShaderLibrary from SobolDirections: SOBOL[b][d] is the direction\n"
                + "// number of bit b for Sobol dimension d (0..3).\nconst uvec4 SOBOL[32] = uvec4[32](");
        for (int bit = 0; bit < SobolDirections.BITS; bit++) {
            sb.append(bit == 0 ? "" : ",").append("uvec4(");
            for (int d = 0; d < SobolDirections.DIMENSIONS; d++) {
                sb.append(d == 0 ? "" : ",").append(Integer.toUnsignedString(t[bit][d])).append('u');
            }
            sb.append(')');
        }
        return sb.append(");\n").toString();
    }
}
