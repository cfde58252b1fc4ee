package io.photonfarm.scene.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.photonfarm.scene.Mesh;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns each glTF mesh into one {@link Mesh}: its triangle primitives are concatenated (vertices
 * appended, indices offset), strips and fans are converted to triangle lists, and every triangle
 * carries its primitive's material. Points and lines primitives are skipped; morph targets are
 * ignored (the base shape is used).
 *
 * <p>Attributes that only some primitives of a mesh have: missing normals are filled with zero
 * vectors, for which the packer uses the face normal (the flat shading glTF asks for when normals
 * are absent); missing TEXCOORD_0 are filled with (0, 0); tangents are kept only when every
 * primitive has them, else dropped for the whole mesh (the packer derives them from the uvs).
 */
final class GltfMeshes {
    private static final int TRIANGLES = 4;
    private static final int TRIANGLE_STRIP = 5;
    private static final int TRIANGLE_FAN = 6;

    /** One triangle primitive, validated but not yet read. */
    private record Primitive(String path, int mode, GltfAccessors.Accessor positions, GltfAccessors.Accessor normals,
                             GltfAccessors.Accessor uvs, GltfAccessors.Accessor tangents,
                             GltfAccessors.Accessor indices, int triangles, int material) {
        int vertexCount() {
            return positions.count();
        }
    }

    private final GltfJson json;
    private final GltfAccessors accessors;
    private final int materialCount;
    private long vertices;
    private long triangles;
    private boolean defaultMaterialUsed;

    /**
     * @param materialCount number of glTF materials; primitives without a material get index
     *                      {@code materialCount}, where the loader appends the glTF default material
     */
    GltfMeshes(GltfJson json, GltfAccessors accessors, int materialCount) {
        this.json = json;
        this.accessors = accessors;
        this.materialCount = materialCount;
    }

    /** Whether some primitive has no material, so that the default material must be appended. */
    boolean defaultMaterialUsed() {
        return defaultMaterialUsed;
    }

    /** Every glTF mesh, in document order (so that node mesh indices stay valid). */
    List<Mesh> loadAll() throws SceneFormatException {
        int n = json.count("meshes");
        List<Mesh> meshes = new ArrayList<>(n);
        for (int m = 0; m < n; m++) {
            meshes.add(load(m));
        }
        return meshes;
    }

    private Mesh load(int index) throws SceneFormatException {
        String path = "meshes[" + index + "]";
        JsonNode mesh = json.element("meshes", index, path);
        JsonNode prims = json.array(mesh, "primitives", path);
        if (prims == null || prims.isEmpty()) {
            throw json.error(path, "needs at least one primitive");
        }
        List<Primitive> plan = new ArrayList<>();
        for (int p = 0; p < prims.size(); p++) {
            Primitive prim = plan(prims.get(p), path + ".primitives[" + p + "]");
            if (prim != null) {
                plan.add(prim);
            }
        }
        int vertexCount = 0;
        int triangleCount = 0;
        boolean anyNormals = false;
        boolean anyUvs = false;
        boolean allTangents = !plan.isEmpty();
        for (Primitive p : plan) {
            vertexCount += p.vertexCount();
            triangleCount += p.triangles();
            anyNormals |= p.normals() != null;
            anyUvs |= p.uvs() != null;
            allTangents &= p.tangents() != null;
        }
        float[] positions = new float[3 * vertexCount];
        float[] normals = anyNormals ? new float[3 * vertexCount] : null;
        float[] uvs = anyUvs ? new float[2 * vertexCount] : null;
        float[] tangents = allTangents ? new float[4 * vertexCount] : null;
        int[] indices = new int[3 * triangleCount];
        int[] materials = new int[triangleCount];
        int vertexBase = 0;
        int triangleBase = 0;
        for (Primitive p : plan) {
            accessors.readFloats(p.positions(), positions, 3 * vertexBase);
            if (p.normals() != null) {
                accessors.readFloats(p.normals(), normals, 3 * vertexBase);
            }
            if (p.uvs() != null) {
                accessors.readFloats(p.uvs(), uvs, 2 * vertexBase);
            }
            if (tangents != null) {
                accessors.readFloats(p.tangents(), tangents, 4 * vertexBase);
            }
            int[] source = p.indices() != null
                    ? accessors.readIndices(p.indices(), p.vertexCount(), p.path() + ".indices")
                    : sequence(p.vertexCount());
            toTriangles(p.mode(), source, vertexBase, indices, 3 * triangleBase);
            Arrays.fill(materials, triangleBase, triangleBase + p.triangles(), p.material());
            vertexBase += p.vertexCount();
            triangleBase += p.triangles();
        }
        String name = json.string(mesh, "name", path);
        try {
            return new Mesh(name != null ? name : path, positions, normals, uvs, tangents, indices, materials);
        } catch (IllegalArgumentException e) {
            throw json.error(path, e.getMessage(), e);
        }
    }

    /** Validates one primitive and counts it against the limits; null for points and lines. */
    private Primitive plan(JsonNode prim, String path) throws SceneFormatException {
        if (!prim.isObject()) {
            throw json.error(path, "must be a JSON object");
        }
        int mode = (int) json.integer(prim, "mode", path, 0, 6, TRIANGLES);
        if (mode < TRIANGLES) {
            return null;
        }
        JsonNode attributes = json.object(prim, "attributes", path);
        String ap = path + ".attributes";
        int positionIndex = attributes == null ? -1 : json.index(attributes, "POSITION", ap);
        if (positionIndex < 0) {
            throw json.error(path, "has no POSITION attribute");
        }
        GltfAccessors.Accessor positions = accessors.accessor(positionIndex, 3, ap + ".POSITION");
        GltfAccessors.Accessor normals = attribute(attributes, "NORMAL", 3, ap, positions.count());
        GltfAccessors.Accessor uvs = attribute(attributes, "TEXCOORD_0", 2, ap, positions.count());
        GltfAccessors.Accessor tangents = attribute(attributes, "TANGENT", 4, ap, positions.count());
        int indexAccessor = json.index(prim, "indices", path);
        GltfAccessors.Accessor indices = indexAccessor < 0 ? null
                : accessors.accessor(indexAccessor, 1, path + ".indices");
        long indexCount = indices != null ? indices.count() : positions.count();
        long tris;
        if (mode == TRIANGLES) {
            if (indexCount % 3 != 0) {
                throw json.error(path, indexCount + (indices != null ? " indices" : " vertices")
                        + " are not a whole number of triangles (mode 4, TRIANGLES)");
            }
            tris = indexCount / 3;
        } else {
            tris = Math.max(0, indexCount - 2);
        }
        vertices += positions.count();
        triangles += tris;
        if (vertices > GltfLoader.MAX_VERTICES || triangles > GltfLoader.MAX_TRIANGLES) {
            throw json.error(path, "the scene's meshes exceed the limit of " + GltfLoader.MAX_TRIANGLES
                    + " triangles and " + GltfLoader.MAX_VERTICES + " vertices (" + triangles + " triangles, "
                    + vertices + " vertices so far)");
        }
        int material = json.index(prim, "material", path);
        if (material >= materialCount) {
            throw json.error(path + ".material", "material " + material + " out of range (" + materialCount
                    + " materials)");
        }
        if (material < 0) {
            material = materialCount;
            defaultMaterialUsed = true;
        }
        return new Primitive(path, mode, positions, normals, uvs, tangents, indices, (int) tris, material);
    }

    private GltfAccessors.Accessor attribute(JsonNode attributes, String name, int components, String path,
                                             int vertexCount) throws SceneFormatException {
        int index = json.index(attributes, name, path);
        if (index < 0) {
            return null;
        }
        GltfAccessors.Accessor a = accessors.accessor(index, components, path + "." + name);
        if (a.count() != vertexCount) {
            throw json.error(path + "." + name, "accessor " + index + " has " + a.count() + " elements but POSITION has "
                    + vertexCount);
        }
        return a;
    }

    private static int[] sequence(int n) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
        }
        return s;
    }

    /**
     * Writes the triangle list of a TRIANGLES, TRIANGLE_STRIP or TRIANGLE_FAN index sequence, each
     * index offset by {@code base}. glTF 2.0 section 3.7.2.1: strip triangle i is
     * (v[i], v[i + 1 + i % 2], v[i + 2 - i % 2]), so odd triangles swap their last two corners and
     * every triangle keeps the strip's front-face winding; fan triangle i is (v[i + 1], v[i + 2], v[0]).
     */
    static void toTriangles(int mode, int[] v, int base, int[] out, int at) {
        if (mode == TRIANGLES) {
            for (int i = 0; i < v.length; i++) {
                out[at + i] = base + v[i];
            }
            return;
        }
        for (int i = 0; i + 2 < v.length; i++) {
            int o = at + 3 * i;
            if (mode == TRIANGLE_STRIP) {
                out[o] = base + v[i];
                out[o + 1] = base + v[i + 1 + i % 2];
                out[o + 2] = base + v[i + 2 - i % 2];
            } else {
                out[o] = base + v[i + 1];
                out[o + 1] = base + v[i + 2];
                out[o + 2] = base + v[0];
            }
        }
    }
}
