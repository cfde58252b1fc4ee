package io.photonfarm.scene.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The glTF JSON tree with typed, path-aware getters. Every malformed value becomes a
 * {@link SceneFormatException} whose message names the file and the JSON path
 * ("meshes[2].primitives[0].mode must be an integer, was "4"").
 */
final class GltfJson {
    /**
     * Longest JSON string accepted, characters. Jackson's default (20 M) would refuse data-URI buffers
     * of more than about 15 MB; 256 M characters allow about 190 MB of base64 data while the file
     * itself stays under {@link ReferencedFiles#MAX_BYTES}.
     */
    static final int MAX_STRING_CHARS = 256 << 20;

    private final Path file;
    private final JsonNode root;

    private GltfJson(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** Parses UTF-8 JSON; nesting depth and number length are limited by Jackson's defaults. */
    static GltfJson parse(Path file, byte[] utf8) throws SceneFormatException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
                // Duplicate keys make a document ambiguous: refuse rather than silently keep the last one.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonNode root;
        try {
            // Trailing tokens after the document ("{...} {...}") are an error, not silently ignored.
            root = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(utf8);
        } catch (JsonProcessingException e) {
            throw new SceneFormatException(file, "invalid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() : ""), e);
        } catch (IOException e) {
            throw new SceneFormatException(file, "reading JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SceneFormatException(file, "invalid JSON: the document is not a JSON object");
        }
        return new GltfJson(file, root);
    }

    Path file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    SceneFormatException error(String path, String problem) {
        return new SceneFormatException(file, path + ": " + problem);
    }

    SceneFormatException error(String path, String problem, Throwable cause) {
        return new SceneFormatException(file, path + ": " + problem, cause);
    }

    /** Number of elements of a top-level array such as "accessors"; 0 when absent. */
    int count(String array) throws SceneFormatException {
        JsonNode a = root.get(array);
        if (a == null) {
            return 0;
        }
        if (!a.isArray()) {
            throw error(array, "must be an array");
        }
        return a.size();
    }

    /**
     * Element {@code index} of a top-level array, which must be an object.
     *
     * @param user the path of the reference, for the message when the index is out of range
     */
    JsonNode element(String array, int index, String user) throws SceneFormatException {
        int n = count(array);
        if (index < 0 || index >= n) {
            throw error(user, array + " index " + index + " out of range (" + n + " " + array + ")");
        }
        JsonNode e = root.get(array).get(index);
        if (!e.isObject()) {
            throw error(array + "[" + index + "]", "must be a JSON object");
        }
        return e;
    }

    /** Optional object member; null when absent. */
    JsonNode object(JsonNode parent, String field, String path) throws SceneFormatException {
        JsonNode n = parent.get(field);
        if (n == null) {
            return null;
        }
        if (!n.isObject()) {
            throw error(child(path, field), "must be a JSON object");
        }
        return n;
    }

    /** Optional array member; null when absent. */
    JsonNode array(JsonNode parent, String field, String path) throws SceneFormatException {
        JsonNode n = parent.get(field);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            throw error(child(path, field), "must be an array");
        }
        return n;
    }

    /** Optional string member; null when absent. */
    String string(JsonNode parent, String field, String path) throws SceneFormatException {
        JsonNode n = parent.get(field);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw error(child(path, field), "must be a string, was " + brief(n));
        }
        return n.textValue();
    }

    boolean bool(JsonNode parent, String field, String path, boolean dflt) throws SceneFormatException {
        JsonNode n = parent.get(field);
        if (n == null) {
            return dflt;
        }
        if (!n.isBoolean()) {
            throw error(child(path, field), "must be true or false, was " + brief(n));
        }
        return n.booleanValue();
    }

    /** An integer member in [min, max]; {@code dflt} when absent. */
    long integer(JsonNode parent, String field, String path, long min, long max, long dflt) throws SceneFormatException {
        JsonNode n = parent.get(field);
        return n == null ? dflt : integerValue(n, child(path, field), min, max);
    }

    /** A required integer member in [min, max]. */
    long requiredInteger(JsonNode parent, String field, String path, long min, long max) throws SceneFormatException {
        JsonNode n = parent.get(field);
        if (n == null) {
            throw error(path, "required property '" + field + "' is missing");
        }
        return integerValue(n, child(path, field), min, max);
    }

    /** An index member (>= 0, < 2^31); -1 when absent. Range against the target array is the caller's check. */
    int index(JsonNode parent, String field, String path) throws SceneFormatException {
        return (int) integer(parent, field, path, 0, Integer.MAX_VALUE, -1);
    }

    /** A JSON number that is a whole number in [min, max] (3.0 is accepted as 3). */
    long integerValue(JsonNode n, String path, long min, long max) throws SceneFormatException {
        if (!n.isNumber()) {
            throw error(path, "must be an integer, was " + brief(n));
        }
        double d = n.doubleValue();
        boolean whole = n.isIntegralNumber() ? n.canConvertToLong() : d == Math.rint(d) && Math.abs(d) < 0x1p62;
        if (!whole) {
            throw error(path, "must be an integer, was " + brief(n));
        }
        long v = n.isIntegralNumber() ? n.longValue() : (long) d;
        if (v < min || v > max) {
            throw error(path, "must be in " + min + ".." + max + ", was " + v);
        }
        return v;
    }

    /** A finite number member in [min, max]; {@code dflt} when absent. */
    float number(JsonNode parent, String field, String path, float min, float max, float dflt) throws SceneFormatException {
        JsonNode n = parent.get(field);
        return n == null ? dflt : numberValue(n, child(path, field), min, max);
    }

    float numberValue(JsonNode n, String path, float min, float max) throws SceneFormatException {
        if (!n.isNumber()) {
            throw error(path, "must be a number, was " + brief(n));
        }
        float v = n.floatValue();
        if (!Float.isFinite(v)) {
            throw error(path, "must be a finite number, was " + brief(n));
        }
        if (v < min || v > max) {
            throw error(path, "must be in [" + min + ", " + max + "], was " + v);
        }
        return v;
    }

    /** An array member of exactly {@code length} finite numbers in [min, max]; {@code dflt} when absent. */
    float[] numbers(JsonNode parent, String field, String path, int length, float min, float max, float[] dflt)
            throws SceneFormatException {
        JsonNode a = array(parent, field, path);
        if (a == null) {
            return dflt.clone();
        }
        String p = child(path, field);
        if (a.size() != length) {
            throw error(p, "must have " + length + " numbers, has " + a.size());
        }
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = numberValue(a.get(i), p + "[" + i + "]", min, max);
        }
        return out;
    }

    /** The JSON path of member {@code field} of {@code path} ("" is the document root). */
    static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /**
     * A short rendering of a value for messages: containers are not serialised (they can be huge)
     * and long strings such as data URIs are cut.
     */
    static String brief(JsonNode n) {
        if (n.isContainerNode()) {
            return n.isArray() ? "an array" : "an object";
        }
        String s = n.isTextual() ? "\"" + n.textValue() + "\"" : n.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
