package io.photonfarm.scene.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Typed reads of glTF accessors: component types 5120..5126, the normalized flag, SCALAR/VEC2/
 * VEC3/VEC4, interleaved buffer views (byteStride), accessors without a buffer view (all zeros)
 * and sparse substitution. Every byte range is checked with long arithmetic against its buffer
 * view before anything is read or allocated.
 */
final class GltfAccessors {
    static final int BYTE = 5120;
    static final int UNSIGNED_BYTE = 5121;
    static final int SHORT = 5122;
    static final int UNSIGNED_SHORT = 5123;
    static final int UNSIGNED_INT = 5125;
    static final int FLOAT = 5126;

    /**
     * A parsed accessor whose dense data (if any) is known to lie inside its buffer view.
     *
     * @param view       the buffer view, or null (then every element starts as zero)
     * @param byteOffset of the first element inside the view's buffer (view offset + accessor offset)
     * @param stride     bytes from one element to the next
     * @param sparse     the accessor's "sparse" object, or null
     */
    record Accessor(int index, int componentType, boolean normalized, int components, int count,
                    GltfBuffers.View view, int byteOffset, int stride, JsonNode sparse) {
        int elementSize() {
            return components * componentSize(componentType);
        }

        String path() {
            return "accessors[" + index + "]";
        }
    }

    /** Receives one element's bytes: element index, the buffer, and the element's first byte. */
    @FunctionalInterface
    private interface ElementReader {
        void read(int element, ByteBuffer data, int position) throws SceneFormatException;
    }

    private final GltfJson json;
    private final GltfBuffers buffers;

    GltfAccessors(GltfJson json, GltfBuffers buffers) {
        this.json = json;
        this.buffers = buffers;
    }

    /**
     * Accessor {@code index}, which must have {@code components} components per element.
     *
     * @param user the JSON path of the reference ("meshes[0].primitives[1].attributes.NORMAL")
     */
    Accessor accessor(int index, int components, String user) throws SceneFormatException {
        JsonNode a = json.element("accessors", index, user);
        String path = "accessors[" + index + "]";
        int type = (int) json.requiredInteger(a, "componentType", path, 0, Integer.MAX_VALUE);
        if (componentSize(type) == 0) {
            throw json.error(path + ".componentType", type + " is not a glTF component type (5120, 5121, 5122, 5123, "
                    + "5125 or 5126)");
        }
        boolean normalized = json.bool(a, "normalized", path, false);
        if (normalized && (type == FLOAT || type == UNSIGNED_INT)) {
            throw json.error(path, "normalized must not be true for componentType " + type);
        }
        int count = (int) json.requiredInteger(a, "count", path, 1, Integer.MAX_VALUE);
        String typeName = json.string(a, "type", path);
        if (typeName == null) {
            throw json.error(path, "required property 'type' is missing");
        }
        String expected = components == 1 ? "SCALAR" : "VEC" + components;
        if (!typeName.equals(expected)) {
            throw json.error(path, "type must be " + expected + " for " + user + ", was " + typeName);
        }
        int viewIndex = json.index(a, "bufferView", path);
        long accessorOffset = json.integer(a, "byteOffset", path, 0, Integer.MAX_VALUE, 0);
        int elementSize = components * componentSize(type);
        GltfBuffers.View view = null;
        int stride = elementSize;
        int byteOffset = 0;
        if (viewIndex >= 0) {
            view = buffers.view(viewIndex, path);
            if (view.stride() != 0) {
                stride = view.stride();
                if (stride < elementSize) {
                    throw json.error(path, "bufferView " + viewIndex + " byteStride " + stride
                            + " is smaller than the " + elementSize + "-byte element");
                }
            }
            long needed = accessorOffset + (long) stride * (count - 1) + elementSize;
            if (needed > view.length()) {
                throw json.error(path, "byteOffset " + accessorOffset + " + " + count + " elements of " + elementSize
                        + " bytes" + (stride != elementSize ? " at stride " + stride : "") + " exceeds bufferView "
                        + viewIndex + " (" + view.length() + " bytes)");
            }
            byteOffset = (int) (view.offset() + accessorOffset);
        }
        JsonNode sparse = json.object(a, "sparse", path);
        Accessor result = new Accessor(index, type, normalized, components, count, view, byteOffset, stride, sparse);
        if (sparse != null) {
            // Validate the sparse ranges now, so that reads later cannot fail half-way.
            forEachSparse(result, (e, d, p) -> { });
        }
        return result;
    }

    /**
     * Reads all {@code count x components} values as floats into {@code dst} from {@code dstOffset};
     * normalized integers map to [0, 1] or [-1, 1], other integers to their value.
     *
     * @throws SceneFormatException also when a value is NaN or infinite
     */
    void readFloats(Accessor a, float[] dst, int dstOffset) throws SceneFormatException {
        int n = a.components();
        int size = componentSize(a.componentType());
        ElementReader reader = (e, data, pos) -> {
            for (int c = 0; c < n; c++) {
                float v = toFloat(data, pos + c * size, a.componentType(), a.normalized());
                if (!Float.isFinite(v)) {
                    throw json.error(a.path(), "element " + e + " component " + c + " is " + v
                            + "; values must be finite");
                }
                dst[dstOffset + e * n + c] = v;
            }
        };
        if (a.view() == null) {
            Arrays.fill(dst, dstOffset, dstOffset + a.count() * n, 0f);
        } else {
            forEachDense(a, reader);
        }
        forEachSparse(a, reader);
    }

    /**
     * Reads a SCALAR index accessor (unsigned byte, short or int), checking every index against
     * {@code vertexCount}.
     */
    int[] readIndices(Accessor a, int vertexCount, String user) throws SceneFormatException {
        int type = a.componentType();
        if (type != UNSIGNED_BYTE && type != UNSIGNED_SHORT && type != UNSIGNED_INT || a.normalized()) {
            throw json.error(a.path(), "indices (" + user + ") must be unsigned byte, short or int, not normalized;"
                    + " componentType is " + type);
        }
        int[] out = new int[a.count()];
        ElementReader reader = (e, data, pos) -> {
            long v = unsigned(data, pos, type);
            if (v >= vertexCount) {
                throw json.error(user, "index " + v + " at position " + e + " is out of range (" + vertexCount
                        + " vertices)");
            }
            out[e] = (int) v;
        };
        if (a.view() == null) {
            // All indices 0: valid for any vertex count >= 1, and what the spec says an accessor without data holds.
            Arrays.fill(out, 0);
        } else {
            forEachDense(a, reader);
        }
        forEachSparse(a, reader);
        return out;
    }

    private static void forEachDense(Accessor a, ElementReader reader) throws SceneFormatException {
        ByteBuffer data = a.view().data();
        for (int e = 0; e < a.count(); e++) {
            reader.read(e, data, a.byteOffset() + e * a.stride());
        }
    }

    /** Visits the sparse substitutes (if any), after checking their index and value ranges. */
    private void forEachSparse(Accessor a, ElementReader reader) throws SceneFormatException {
        JsonNode sparse = a.sparse();
        if (sparse == null) {
            return;
        }
        String path = a.path() + ".sparse";
        int count = (int) json.requiredInteger(sparse, "count", path, 1, a.count());
        JsonNode indices = json.object(sparse, "indices", path);
        JsonNode values = json.object(sparse, "values", path);
        if (indices == null || values == null) {
            throw json.error(path, "needs both 'indices' and 'values'");
        }
        String ip = path + ".indices";
        String vp = path + ".values";
        int indexType = (int) json.requiredInteger(indices, "componentType", ip, 0, Integer.MAX_VALUE);
        if (indexType != UNSIGNED_BYTE && indexType != UNSIGNED_SHORT && indexType != UNSIGNED_INT) {
            throw json.error(ip + ".componentType", "must be 5121, 5123 or 5125, was " + indexType);
        }
        GltfBuffers.View iv = buffers.view((int) json.requiredInteger(indices, "bufferView", ip, 0, Integer.MAX_VALUE), ip);
        GltfBuffers.View vv = buffers.view((int) json.requiredInteger(values, "bufferView", vp, 0, Integer.MAX_VALUE), vp);
        long io = json.integer(indices, "byteOffset", ip, 0, Integer.MAX_VALUE, 0);
        long vo = json.integer(values, "byteOffset", vp, 0, Integer.MAX_VALUE, 0);
        int indexSize = componentSize(indexType);
        if (io + (long) count * indexSize > iv.length()) {
            throw json.error(ip, "byteOffset " + io + " + " + count + " indices of " + indexSize + " bytes exceeds bufferView "
                    + iv.index() + " (" + iv.length() + " bytes)");
        }
        if (vo + (long) count * a.elementSize() > vv.length()) {
            throw json.error(vp, "byteOffset " + vo + " + " + count + " elements of " + a.elementSize()
                    + " bytes exceeds bufferView " + vv.index() + " (" + vv.length() + " bytes)");
        }
        long previous = -1;
        for (int k = 0; k < count; k++) {
            long target = unsigned(iv.data(), (int) (iv.offset() + io + (long) k * indexSize), indexType);
            if (target >= a.count() || target <= previous) {
                throw json.error(ip, "index " + target + " at position " + k + " must be below the accessor count "
                        + a.count() + " and greater than the previous index " + previous);
            }
            previous = target;
            reader.read((int) target, vv.data(), (int) (vv.offset() + vo + (long) k * a.elementSize()));
        }
    }

    /** Bytes per component, or 0 for an unknown component type. */
    static int componentSize(int componentType) {
        return switch (componentType) {
            case BYTE, UNSIGNED_BYTE -> 1;
            case SHORT, UNSIGNED_SHORT -> 2;
            case UNSIGNED_INT, FLOAT -> 4;
            default -> 0;
        };
    }

    private static long unsigned(ByteBuffer data, int pos, int type) {
        return switch (type) {
            case UNSIGNED_BYTE -> data.get(pos) & 0xFFL;
            case UNSIGNED_SHORT -> data.getShort(pos) & 0xFFFFL;
            default -> data.getInt(pos) & 0xFFFF_FFFFL;
        };
    }

    /** glTF's normalisation: signed values map to max(c / MAX, -1), unsigned to c / MAX. */
    private static float toFloat(ByteBuffer data, int pos, int type, boolean normalized) {
        return switch (type) {
            case BYTE -> normalized ? Math.max(data.get(pos) / 127f, -1f) : data.get(pos);
            case UNSIGNED_BYTE -> normalized ? (data.get(pos) & 0xFF) / 255f : data.get(pos) & 0xFF;
            case SHORT -> normalized ? Math.max(data.getShort(pos) / 32767f, -1f) : data.getShort(pos);
            case UNSIGNED_SHORT -> normalized ? (data.getShort(pos) & 0xFFFF) / 65535f : data.getShort(pos) & 0xFFFF;
            case UNSIGNED_INT -> (float) (data.getInt(pos) & 0xFFFF_FFFFL);
            default -> data.getFloat(pos);
        };
    }
}
