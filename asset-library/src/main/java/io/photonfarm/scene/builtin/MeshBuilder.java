package io.photonfarm.scene.builtin;

import io.photonfarm.scene.Mesh;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * Accumulates an indexed triangle mesh with per-vertex normals and uvs (glTF convention: v = 0 at
 * the top of the image). Front faces wind counter-clockwise: the face normal is
 * {@code cross(p1 - p0, p2 - p0)}. Coordinates are object space, metres.
 */
public final class MeshBuilder {
    /** Height of a terrain above the plane y = 0 at (x, z), metres. */
    @FunctionalInterface
    public interface HeightField {
        float height(float x, float z);
    }

    private float[] positions = new float[3 * 64];
    private float[] normals = new float[3 * 64];
    private float[] uvs = new float[2 * 64];
    private int vertices;
    private int[] indices = new int[3 * 64];
    private int[] materials = new int[64];
    private int triangles;

    public int vertexCount() {
        return vertices;
    }

    public int triangleCount() {
        return triangles;
    }

    /** Adds a vertex (normal need not be unit) and returns its index. */
    public int vertex(float x, float y, float z, float nx, float ny, float nz, float u, float v) {
        if (vertices == uvs.length / 2) {
            positions = Arrays.copyOf(positions, positions.length * 2);
            normals = Arrays.copyOf(normals, normals.length * 2);
            uvs = Arrays.copyOf(uvs, uvs.length * 2);
        }
        float len = (float) Math.sqrt(nx * nx + ny * ny + nz * nz);
        float s = len > 0 ? 1f / len : 0f;
        positions[3 * vertices] = x;
        positions[3 * vertices + 1] = y;
        positions[3 * vertices + 2] = z;
        normals[3 * vertices] = nx * s;
        normals[3 * vertices + 1] = ny * s;
        normals[3 * vertices + 2] = nz * s;
        uvs[2 * vertices] = u;
        uvs[2 * vertices + 1] = v;
        return vertices++;
    }

    /** The position of vertex {@code index} as {x, y, z} (a copy). */
    public float[] position(int index) {
        if (index < 0 || index >= vertices) {
            throw new IllegalArgumentException("vertex " + index + " of " + vertices);
        }
        return new float[] {positions[3 * index], positions[3 * index + 1], positions[3 * index + 2]};
    }

    /** Adds a triangle over existing vertices, front face counter-clockwise a, b, c. */
    public MeshBuilder triangle(int a, int b, int c, int material) {
        if (triangles == materials.length) {
            indices = Arrays.copyOf(indices, indices.length * 2);
            materials = Arrays.copyOf(materials, materials.length * 2);
        }
        indices[3 * triangles] = a;
        indices[3 * triangles + 1] = b;
        indices[3 * triangles + 2] = c;
        materials[triangles++] = material;
        return this;
    }

    /** A flat triangle; uvs (0, 1), (1, 1), (0, 0). */
    public MeshBuilder addTriangle(Vector3fc p0, Vector3fc p1, Vector3fc p2, int material) {
        Vector3f n = new Vector3f(p1).sub(p0).cross(new Vector3f(p2).sub(p0));
        int a = vertex(p0.x(), p0.y(), p0.z(), n.x, n.y, n.z, 0, 1);
        int b = vertex(p1.x(), p1.y(), p1.z(), n.x, n.y, n.z, 1, 1);
        int c = vertex(p2.x(), p2.y(), p2.z(), n.x, n.y, n.z, 0, 0);
        return triangle(a, b, c, material);
    }

    /**
     * A flat quad p0, p1, p2, p3 counter-clockwise (front), split along p0-p2. p0 gets uv (0, 1)
     * (bottom left of the image), p1 (1, 1), p2 (1, 0), p3 (0, 0). Non-planar quads get the average
     * normal cross(p2 - p0, p3 - p1).
     */
    public MeshBuilder addQuad(Vector3fc p0, Vector3fc p1, Vector3fc p2, Vector3fc p3, int material) {
        Vector3f n = new Vector3f(p2).sub(p0).cross(new Vector3f(p3).sub(p1));
        int a = vertex(p0.x(), p0.y(), p0.z(), n.x, n.y, n.z, 0, 1);
        int b = vertex(p1.x(), p1.y(), p1.z(), n.x, n.y, n.z, 1, 1);
        int c = vertex(p2.x(), p2.y(), p2.z(), n.x, n.y, n.z, 1, 0);
        int d = vertex(p3.x(), p3.y(), p3.z(), n.x, n.y, n.z, 0, 0);
        triangle(a, b, c, material);
        return triangle(a, c, d, material);
    }

    /** The quad p0..p3 (a loop, either winding), wound so that its front faces along {@code facing}. */
    public MeshBuilder addQuadFacing(Vector3fc p0, Vector3fc p1, Vector3fc p2, Vector3fc p3, Vector3fc facing,
                                     int material) {
        Vector3f n = new Vector3f(p2).sub(p0).cross(new Vector3f(p3).sub(p1));
        return n.dot(facing) >= 0 ? addQuad(p0, p1, p2, p3, material) : addQuad(p0, p3, p2, p1, material);
    }

    /** An axis-aligned box with outward front faces and flat normals (24 vertices, 12 triangles). */
    public MeshBuilder addBox(Vector3fc min, Vector3fc max, int material) {
        for (int axis = 0; axis < 3; axis++) {
            for (int side = 0; side < 2; side++) {
                Vector3f out = new Vector3f();
                out.setComponent(axis, side == 0 ? -1 : 1);
                int u = (axis + 1) % 3;
                int v = (axis + 2) % 3;
                Vector3f[] p = new Vector3f[4];
                for (int k = 0; k < 4; k++) {
                    p[k] = new Vector3f();
                    p[k].setComponent(axis, side == 0 ? min.get(axis) : max.get(axis));
                    p[k].setComponent(u, (k == 1 || k == 2) ? max.get(u) : min.get(u));
                    p[k].setComponent(v, k >= 2 ? max.get(v) : min.get(v));
                }
                addQuadFacing(p[0], p[1], p[2], p[3], out, material);
            }
        }
        return this;
    }

    /**
     * A geodesic sphere: an icosahedron whose faces are split in 4 {@code subdivisions} times
     * (20 x 4^s triangles), vertices pushed onto the sphere. Smooth normals; spherical uvs
     * (u from the azimuth, v = theta / pi), not split at the seam.
     */
    public MeshBuilder addIcosphere(Vector3fc center, float radius, int subdivisions, int material) {
        if (subdivisions < 0 || subdivisions > 9) {
            throw new IllegalArgumentException("icosphere subdivisions must be in 0..9, was " + subdivisions);
        }
        float t = (float) ((1 + Math.sqrt(5)) / 2);
        float[][] base = {{-1, t, 0}, {1, t, 0}, {-1, -t, 0}, {1, -t, 0}, {0, -1, t}, {0, 1, t},
                          {0, -1, -t}, {0, 1, -t}, {t, 0, -1}, {t, 0, 1}, {-t, 0, -1}, {-t, 0, 1}};
        int[] faces = {0, 11, 5, 0, 5, 1, 0, 1, 7, 0, 7, 10, 0, 10, 11, 1, 5, 9, 5, 11, 4, 11, 10, 2,
                       10, 7, 6, 7, 1, 8, 3, 9, 4, 3, 4, 2, 3, 2, 6, 3, 6, 8, 3, 8, 9, 4, 9, 5, 2, 4, 11,
                       6, 2, 10, 8, 6, 7, 9, 8, 1};
        float[] dirs = new float[3 * (12 + 10 * ((1 << (2 * subdivisions)) - 1))];
        int count = 0;
        for (float[] b : base) {
            float len = (float) Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
            dirs[3 * count] = b[0] / len;
            dirs[3 * count + 1] = b[1] / len;
            dirs[3 * count + 2] = b[2] / len;
            count++;
        }
        for (int s = 0; s < subdivisions; s++) {
            Map<Long, Integer> midpoints = new HashMap<>();
            int[] next = new int[faces.length * 4];
            for (int f = 0; f < faces.length; f += 3) {
                int[] m = new int[3];
                for (int e = 0; e < 3; e++) {
                    int a = faces[f + e];
                    int b = faces[f + (e + 1) % 3];
                    long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
                    Integer known = midpoints.get(key);
                    if (known == null) {
                        float x = dirs[3 * a] + dirs[3 * b];
                        float y = dirs[3 * a + 1] + dirs[3 * b + 1];
                        float z = dirs[3 * a + 2] + dirs[3 * b + 2];
                        float len = (float) Math.sqrt(x * x + y * y + z * z);
                        dirs[3 * count] = x / len;
                        dirs[3 * count + 1] = y / len;
                        dirs[3 * count + 2] = z / len;
                        known = count++;
                        midpoints.put(key, known);
                    }
                    m[e] = known;
                }
                int o = 4 * f;
                int[] split = {faces[f], m[0], m[2], faces[f + 1], m[1], m[0], faces[f + 2], m[2], m[1], m[0], m[1], m[2]};
                System.arraycopy(split, 0, next, o, 12);
            }
            faces = next;
        }
        int first = vertices;
        for (int i = 0; i < count; i++) {
            float x = dirs[3 * i];
            float y = dirs[3 * i + 1];
            float z = dirs[3 * i + 2];
            float u = (float) (Math.atan2(z, x) / (2 * Math.PI));
            float v = (float) (Math.acos(Math.max(-1f, Math.min(1f, y))) / Math.PI);
            vertex(center.x() + radius * x, center.y() + radius * y, center.z() + radius * z, x, y, z,
                    u < 0 ? u + 1 : u, v);
        }
        for (int f = 0; f < faces.length; f += 3) {
            addOutward(first + faces[f], first + faces[f + 1], first + faces[f + 2], material);
        }
        return this;
    }

    /**
     * A latitude-longitude sphere: {@code rings} bands from +y to -y, {@code segments} around,
     * seam vertices duplicated so uvs are continuous; u = azimuth / 2 pi from +x towards +z, v = theta / pi
     * (the environment map's parameterisation).
     */
    public MeshBuilder addUvSphere(Vector3fc center, float radius, int segments, int rings, int material) {
        if (segments < 3 || rings < 2) {
            throw new IllegalArgumentException("uv sphere needs segments >= 3 and rings >= 2, got " + segments + ", " + rings);
        }
        int first = vertices;
        for (int r = 0; r <= rings; r++) {
            double theta = Math.PI * r / rings;
            for (int s = 0; s <= segments; s++) {
                double phi = 2 * Math.PI * s / segments;
                float x = (float) (Math.sin(theta) * Math.cos(phi));
                float y = (float) Math.cos(theta);
                float z = (float) (Math.sin(theta) * Math.sin(phi));
                vertex(center.x() + radius * x, center.y() + radius * y, center.z() + radius * z, x, y, z,
                        (float) s / segments, (float) r / rings);
            }
        }
        int row = segments + 1;
        for (int r = 0; r < rings; r++) {
            for (int s = 0; s < segments; s++) {
                int a = first + r * row + s;
                int b = a + 1;
                int c = a + row;
                int d = c + 1;
                if (r > 0) {
                    addOutward(a, b, c, material);
                }
                if (r < rings - 1) {
                    addOutward(b, d, c, material);
                }
            }
        }
        return this;
    }

    /**
     * A terrain over the rectangle [x0, x0 + sizeX] x [z0, z0 + sizeZ] facing +y: (cellsX + 1) x
     * (cellsZ + 1) vertices at y = height(x, z), 2 triangles per cell, normals from central
     * differences, uv = (cell column / cellsX, cell row / cellsZ).
     */
    public MeshBuilder addHeightfield(float x0, float z0, float sizeX, float sizeZ, int cellsX, int cellsZ,
                                      HeightField height, int material) {
        if (cellsX < 1 || cellsZ < 1) {
            throw new IllegalArgumentException("heightfield needs at least 1 x 1 cells, got " + cellsX + " x " + cellsZ);
        }
        float dx = sizeX / cellsX;
        float dz = sizeZ / cellsZ;
        // Heights on the grid plus a one-cell border, so each is evaluated once and the normals
        // can use central differences at the edges too.
        int w = cellsX + 3;
        float[] h = new float[w * (cellsZ + 3)];
        for (int j = -1; j <= cellsZ + 1; j++) {
            for (int i = -1; i <= cellsX + 1; i++) {
                h[(j + 1) * w + i + 1] = height.height(x0 + i * dx, z0 + j * dz);
            }
        }
        int first = vertices;
        for (int j = 0; j <= cellsZ; j++) {
            for (int i = 0; i <= cellsX; i++) {
                int c = (j + 1) * w + i + 1;
                float hx = (h[c + 1] - h[c - 1]) / (2 * dx);
                float hz = (h[c + w] - h[c - w]) / (2 * dz);
                vertex(x0 + i * dx, h[c], z0 + j * dz, -hx, 1f, -hz, (float) i / cellsX, (float) j / cellsZ);
            }
        }
        int row = cellsX + 1;
        for (int j = 0; j < cellsZ; j++) {
            for (int i = 0; i < cellsX; i++) {
                int v00 = first + j * row + i;
                int v10 = v00 + 1;
                int v01 = v00 + row;
                int v11 = v01 + 1;
                // cross(v01 - v00, v11 - v00) points to +y for this winding.
                triangle(v00, v01, v11, material);
                triangle(v00, v11, v10, material);
            }
        }
        return this;
    }

    /** A flat grid in the plane y = {@code y}, facing +y. */
    public MeshBuilder addGrid(float x0, float z0, float y, float sizeX, float sizeZ, int cellsX, int cellsZ,
                               int material) {
        return addHeightfield(x0, z0, sizeX, sizeZ, cellsX, cellsZ, (x, z) -> y, material);
    }

    /** Adds a, b, c wound so the face normal agrees with the sum of the vertex normals. */
    private void addOutward(int a, int b, int c, int material) {
        float nx = 0;
        float ny = 0;
        float nz = 0;
        for (int v : new int[] {a, b, c}) {
            nx += normals[3 * v];
            ny += normals[3 * v + 1];
            nz += normals[3 * v + 2];
        }
        float[] p = positions;
        float e1x = p[3 * b] - p[3 * a];
        float e1y = p[3 * b + 1] - p[3 * a + 1];
        float e1z = p[3 * b + 2] - p[3 * a + 2];
        float e2x = p[3 * c] - p[3 * a];
        float e2y = p[3 * c + 1] - p[3 * a + 1];
        float e2z = p[3 * c + 2] - p[3 * a + 2];
        float fx = e1y * e2z - e1z * e2y;
        float fy = e1z * e2x - e1x * e2z;
        float fz = e1x * e2y - e1y * e2x;
        if (fx * nx + fy * ny + fz * nz >= 0) {
            triangle(a, b, c, material);
        } else {
            triangle(a, c, b, material);
        }
    }

    /** The mesh so far (arrays copied; the builder can go on). */
    public Mesh build(String name) {
        return new Mesh(name, Arrays.copyOf(positions, 3 * vertices), Arrays.copyOf(normals, 3 * vertices),
                Arrays.copyOf(uvs, 2 * vertices), null, Arrays.copyOf(indices, 3 * triangles),
                Arrays.copyOf(materials, triangles));
    }
}
