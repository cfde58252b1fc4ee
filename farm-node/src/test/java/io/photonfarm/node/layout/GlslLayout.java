package io.photonfarm.node.layout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes of GLSL structs and blocks under std430/std140, computed from their declarations in the
 * shader text, for the scalar and vector types the path tracer uses. Test-only: it keeps host
 * constants honest.
 */
final class GlslLayout {
    private static final Pattern STRUCT = Pattern.compile("struct\\s+(\\w+)\\s*\\{([^}]*)\\}\\s*;");
    private static final Pattern BLOCK = Pattern.compile("uniform\\s+(\\w+)\\s*\\{([^}]*)\\}");
    private static final Pattern MEMBER = Pattern.compile("(\\w+)\\s+([\\w\\s,\\[\\]]+);");

    private GlslLayout() {
    }

    /** Struct name -> std430 size in bytes. */
    static Map<String, Integer> std430Structs(String glsl) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Matcher m = STRUCT.matcher(stripComments(glsl));
        while (m.find()) {
            out.put(m.group(1), size(m.group(2), false));
        }
        return out;
    }

    /** Uniform or push-constant block name -> std140 size in bytes. */
    static Map<String, Integer> std140Blocks(String glsl) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(stripComments(glsl));
        while (m.find()) {
            out.put(m.group(1), size(m.group(2), true));
        }
        return out;
    }

    static String stripComments(String s) {
        return s.replaceAll("//[^\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
    }

    private static int size(String body, boolean std140) {
        int offset = 0;
        int maxAlign = 4;
        Matcher m = MEMBER.matcher(body);
        while (m.find()) {
            String type = m.group(1);
            for (String declarator : m.group(2).split(",")) {
                String d = declarator.trim();
                int count = 1;
                boolean array = d.contains("[");
                if (array) {
                    count = Integer.parseInt(d.substring(d.indexOf('[') + 1, d.indexOf(']')).trim());
                }
                int[] sa = sizeAlign(type);
                int size = sa[0];
                int align = sa[1];
                if (array) {
                    // std140 rounds array strides up to 16; std430 uses the element's alignment.
                    int stride = std140 ? Math.max(16, roundUp(size, 16)) : roundUp(size, align);
                    align = std140 ? Math.max(16, align) : align;
                    size = stride * count;
                }
                offset = roundUp(offset, align) + size;
                maxAlign = Math.max(maxAlign, align);
            }
        }
        return roundUp(offset, maxAlign);
    }

    private static int[] sizeAlign(String type) {
        return switch (type) {
            case "float", "uint", "int", "bool" -> new int[] {4, 4};
            case "vec2", "uvec2", "ivec2" -> new int[] {8, 8};
            case "vec3", "uvec3", "ivec3" -> new int[] {12, 16};
            case "vec4", "uvec4", "ivec4" -> new int[] {16, 16};
            default -> throw new IllegalArgumentException("type " + type + " not handled by this test helper");
        };
    }

    private static int roundUp(int v, int a) {
        return (v + a - 1) / a * a;
    }
}
