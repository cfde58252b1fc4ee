package io.photonfarm.scene.io;

import java.util.HashMap;
import java.util.Map;

/**
 * Collects the triangles of one OBJ object or group and turns OBJ's separate position, uv and
 * normal index streams into the single index stream of a {@link io.photonfarm.scene.Mesh}: every
 * distinct (position, uv, normal) triple becomes one mesh vertex, numbered locally, so a mesh holds
 * only the vertices its faces use even when the file shares one vertex pool among many groups.
 */
final class ObjMeshBuilder {
    /** Indices into the file's v, vt and vn pools (0-based); -1 where a corner has none. */
    private record Corner(int position, int uv, int normal) {
    }

    /** A finished mesh before materials are resolved: {@code slots} index the parser's usemtl names. */
    record Draft(String name, float[] positions, float[] normals, float[] uvs, int[] indices, int[] slots) {
        int triangleCount() {
            return indices.length / 3;
        }
    }

    private final String name;
    private final Map<Corner, Integer> vertexOf = new HashMap<>();
    private final IntList corners = new IntList(3 * 64);
    private final IntList indices = new IntList(3 * 64);
    private final IntList slots = new IntList(64);
    private boolean everyCornerHasUv = true;
    private boolean everyCornerHasNormal = true;
    private boolean someCornerHasUv;
    private boolean someCornerHasNormal;

    ObjMeshBuilder(String name) {
        this.name = name;
    }

    /** The mesh-local vertex for a face corner, created on first use. */
    int vertex(int position, int uv, int normal) {
        everyCornerHasUv &= uv >= 0;
        everyCornerHasNormal &= normal >= 0;
        someCornerHasUv |= uv >= 0;
        someCornerHasNormal |= normal >= 0;
        Integer known = vertexOf.putIfAbsent(new Corner(position, uv, normal), corners.size() / 3);
        if (known != null) {
            return known;
        }
        corners.add(position);
        corners.add(uv);
        corners.add(normal);
        return corners.size() / 3 - 1;
    }

    void triangle(int a, int b, int c, int slot) {
        indices.add(a);
        indices.add(b);
        indices.add(c);
        slots.add(slot);
    }

    int triangleCount() {
        return slots.size();
    }

    int vertexCount() {
        return corners.size() / 3;
    }

    /**
     * Copies the used vertices out of the file's pools. uvs (or normals) are kept only when every
     * corner of the mesh has one; OBJ v is flipped to the scene's v-down convention.
     */
    Draft build(FloatList positionPool, FloatList uvPool, FloatList normalPool) {
        int[] keys = corners.toArray();
        int[] index = indices.toArray();
        boolean uvs = everyCornerHasUv;
        boolean normals = everyCornerHasNormal;
        if ((!uvs && someCornerHasUv) || (!normals && someCornerHasNormal)) {
            // Dropping an attribute can make distinct triples equal ((1, 2, -1) and (1, -1, -1) are
            // both position 1 now): merge them so the mesh does not carry duplicate vertices.
            keys = merge(keys, index, uvs, normals);
        }
        int n = keys.length / 3;
        float[] p = new float[3 * n];
        float[] t = uvs ? new float[2 * n] : null;
        float[] nr = normals ? new float[3 * n] : null;
        for (int i = 0; i < n; i++) {
            int v = keys[3 * i];
            p[3 * i] = positionPool.get(3 * v);
            p[3 * i + 1] = positionPool.get(3 * v + 1);
            p[3 * i + 2] = positionPool.get(3 * v + 2);
            if (t != null) {
                int vt = keys[3 * i + 1];
                t[2 * i] = uvPool.get(2 * vt);
                t[2 * i + 1] = 1f - uvPool.get(2 * vt + 1);
            }
            if (nr != null) {
                int vn = keys[3 * i + 2];
                nr[3 * i] = normalPool.get(3 * vn);
                nr[3 * i + 1] = normalPool.get(3 * vn + 1);
                nr[3 * i + 2] = normalPool.get(3 * vn + 2);
            }
        }
        return new Draft(name, p, nr, t, index, slots.toArray());
    }

    /** Re-keys vertices without the dropped attributes; rewrites {@code index} in place. */
    private static int[] merge(int[] keys, int[] index, boolean keepUv, boolean keepNormal) {
        Map<Corner, Integer> merged = new HashMap<>();
        IntList out = new IntList(keys.length);
        int[] remap = new int[keys.length / 3];
        for (int i = 0; i < remap.length; i++) {
            Corner c = new Corner(keys[3 * i], keepUv ? keys[3 * i + 1] : -1, keepNormal ? keys[3 * i + 2] : -1);
            Integer known = merged.putIfAbsent(c, out.size() / 3);
            if (known != null) {
                remap[i] = known;
            } else {
                remap[i] = out.size() / 3;
                out.add(c.position());
                out.add(c.uv());
                out.add(c.normal());
            }
        }
        for (int i = 0; i < index.length; i++) {
            index[i] = remap[index[i]];
        }
        return out.toArray();
    }
}
