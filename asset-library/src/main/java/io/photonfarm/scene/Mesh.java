package io.photonfarm.scene;

import java.util.Arrays;

/**
 * An indexed triangle mesh in object space (metres, right-handed, y up). Front faces wind
 * counter-clockwise, as in glTF.
 *
 * <p>Arrays are owned by the mesh once passed in; callers must not change them afterwards.
 *
 * @param positions x,y,z per vertex
 * @param normals   x,y,z per vertex, or null (the packer then uses the face normal)
 * @param uvs       u,v per vertex (glTF convention, v down), or null
 * @param tangents  x,y,z,w per vertex (w = bitangent sign), or null (derived from uvs when needed)
 * @param indices   three vertex indices per triangle
 * @param triangleMaterials one index into {@link Scene#materials()} per triangle
 * @param landmarks named object-space points of this asset, reported per frame in the dataset
 * @param symmetries the object-space transforms that leave this asset's shape and appearance unchanged,
 *                   reported per object in the dataset (meta.json, BOP's models_info.json)
 */
public record Mesh(String name, float[] positions, float[] normals, float[] uvs, float[] tangents,
                   int[] indices, int[] triangleMaterials, Landmarks landmarks, Symmetries symmetries) {

    /** A mesh with landmarks and without symmetries. */
    public Mesh(String name, float[] positions, float[] normals, float[] uvs, float[] tangents,
                int[] indices, int[] triangleMaterials, Landmarks landmarks) {
        this(name, positions, normals, uvs, tangents, indices, triangleMaterials, landmarks, Symmetries.NONE);
    }

    /** A mesh without landmarks. */
    public Mesh(String name, float[] positions, float[] normals, float[] uvs, float[] tangents,
                int[] indices, int[] triangleMaterials) {
        this(name, positions, normals, uvs, tangents, indices, triangleMaterials, Landmarks.NONE, Symmetries.NONE);
    }

    public Mesh {
        name = name == null ? "" : name;
        landmarks = landmarks == null ? Landmarks.NONE : landmarks;
        symmetries = symmetries == null ? Symmetries.NONE : symmetries;
        if (positions.length % 3 != 0) {
            throw new IllegalArgumentException("mesh '" + name + "': positions length " + positions.length + " is not a multiple of 3");
        }
        int vertices = positions.length / 3;
        requireLength("normals", normals, vertices * 3);
        requireLength("uvs", uvs, vertices * 2);
        requireLength("tangents", tangents, vertices * 4);
        if (indices.length % 3 != 0) {
            throw new IllegalArgumentException("mesh '" + name + "': indices length " + indices.length + " is not a multiple of 3");
        }
        if (triangleMaterials.length != indices.length / 3) {
            throw new IllegalArgumentException("mesh '" + name + "': " + triangleMaterials.length
                    + " triangle materials for " + indices.length / 3 + " triangles");
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= vertices) {
                throw new IllegalArgumentException("mesh '" + name + "': index " + indices[i] + " at " + i
                        + " outside 0.." + (vertices - 1));
            }
        }
        for (int i = 0; i < positions.length; i++) {
            if (!Float.isFinite(positions[i])) {
                throw new IllegalArgumentException("mesh '" + name + "': position component " + i + " is not finite");
            }
        }
    }

    private void requireLength(String field, float[] a, int expected) {
        if (a != null && a.length != expected) {
            throw new IllegalArgumentException("mesh '" + name + "': " + field + " length " + a.length + ", expected " + expected);
        }
    }

    /** This mesh with other landmarks (the arrays are shared, not copied). */
    public Mesh withLandmarks(Landmarks l) {
        return new Mesh(name, positions, normals, uvs, tangents, indices, triangleMaterials, l, symmetries);
    }

    /** This mesh with other symmetries (the arrays are shared, not copied). */
    public Mesh withSymmetries(Symmetries s) {
        return new Mesh(name, positions, normals, uvs, tangents, indices, triangleMaterials, landmarks, s);
    }

    public int vertexCount() {
        return positions.length / 3;
    }

    public int triangleCount() {
        return indices.length / 3;
    }

    /** Object-space bounds as {minX, minY, minZ, maxX, maxY, maxZ}. */
    public float[] bounds() {
        float[] b = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int i = 0; i < positions.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                b[a] = Math.min(b[a], positions[i + a]);
                b[a + 3] = Math.max(b[a + 3], positions[i + a]);
            }
        }
        return b;
    }

    @Override
    public String toString() {
        return "Mesh[" + name + ", " + vertexCount() + " vertices, " + triangleCount() + " triangles]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mesh m && name.equals(m.name) && Arrays.equals(positions, m.positions)
                && Arrays.equals(normals, m.normals) && Arrays.equals(uvs, m.uvs)
                && Arrays.equals(tangents, m.tangents) && Arrays.equals(indices, m.indices)
                && Arrays.equals(triangleMaterials, m.triangleMaterials) && landmarks.equals(m.landmarks)
                && symmetries.equals(m.symmetries);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indices) * 31 + Arrays.hashCode(positions);
    }
}
