package io.photonfarm.scene.procedural;

import io.photonfarm.scene.builtin.MeshBuilder;

/** Closed solids of revolution added to a {@link MeshBuilder}; object space metres, y up, outward front faces. */
final class Shapes {
    private Shapes() {
    }

    /**
     * A closed cylinder about the vertical line through (x, z), from {@code y0} to {@code y0 + height}:
     * a side band with smooth normals and two flat caps, each a fan around a centre vertex (so the
     * cap centres are vertices). Side and caps have separate vertices (sharp rims) at equal positions.
     */
    static void addCylinder(MeshBuilder b, float x, float y0, float z, float radius, float height, int segments, int material) {
        float y1 = y0 + height;
        int side = b.vertexCount();
        for (int s = 0; s <= segments; s++) {
            double phi = 2 * Math.PI * (s % segments) / segments;
            float cx = (float) Math.cos(phi);
            float sz = (float) Math.sin(phi);
            float u = (float) s / segments;
            b.vertex(x + radius * cx, y0, z + radius * sz, cx, 0, sz, u, 1);
            b.vertex(x + radius * cx, y1, z + radius * sz, cx, 0, sz, u, 0);
        }
        for (int s = 0; s < segments; s++) {
            int a0 = side + 2 * s;
            int a1 = a0 + 1;
            int b0 = a0 + 2;
            int b1 = a0 + 3;
            // Seen from outside (+radial), going round with increasing phi (x towards z) is clockwise,
            // so the counter-clockwise order is bottom(s), top(s), top(s+1).
            b.triangle(a0, a1, b1, material);
            b.triangle(a0, b1, b0, material);
        }
        cap(b, x, y1, z, radius, segments, 1, material);
        cap(b, x, y0, z, radius, segments, -1, material);
    }

    private static void cap(MeshBuilder b, float x, float y, float z, float radius, int segments, int up, int material) {
        int centre = b.vertex(x, y, z, 0, up, 0, 0.5f, 0.5f);
        int first = b.vertexCount();
        for (int s = 0; s < segments; s++) {
            double phi = 2 * Math.PI * s / segments;
            float cx = (float) Math.cos(phi);
            float sz = (float) Math.sin(phi);
            b.vertex(x + radius * cx, y, z + radius * sz, 0, up, 0, 0.5f + 0.5f * cx, 0.5f - 0.5f * sz);
        }
        for (int s = 0; s < segments; s++) {
            int p = first + s;
            int q = first + (s + 1) % segments;
            // Increasing phi runs clockwise seen from +y, so a cap facing +y takes (centre, q, p).
            if (up > 0) {
                b.triangle(centre, q, p, material);
            } else {
                b.triangle(centre, p, q, material);
            }
        }
    }

    /**
     * A torus about the vertical line through (0, y, 0): tube of radius {@code minor} around a circle
     * of radius {@code major} in the plane at height {@code y}. The grid wraps in both directions
     * (no duplicated vertices), so it is watertight.
     */
    static void addTorus(MeshBuilder b, float y, float major, float minor, int ringSegments, int tubeSegments, int material) {
        int first = b.vertexCount();
        for (int i = 0; i < ringSegments; i++) {
            double phi = 2 * Math.PI * i / ringSegments;
            float cx = (float) Math.cos(phi);
            float sz = (float) Math.sin(phi);
            for (int j = 0; j < tubeSegments; j++) {
                double theta = 2 * Math.PI * j / tubeSegments;
                float ct = (float) Math.cos(theta);
                float st = (float) Math.sin(theta);
                float nx = ct * cx;
                float ny = st;
                float nz = ct * sz;
                b.vertex((major + minor * ct) * cx, y + minor * st, (major + minor * ct) * sz, nx, ny, nz,
                        (float) i / ringSegments, (float) j / tubeSegments);
            }
        }
        for (int i = 0; i < ringSegments; i++) {
            int i1 = (i + 1) % ringSegments;
            for (int j = 0; j < tubeSegments; j++) {
                int j1 = (j + 1) % tubeSegments;
                int a = first + i * tubeSegments + j;
                int bb = first + i1 * tubeSegments + j;
                int c = first + i1 * tubeSegments + j1;
                int d = first + i * tubeSegments + j1;
                // Outward: the tube's normal direction; the order (a, d, c) then (a, c, b) faces outward
                // because theta turns from the outer equator (j = 0) up over the top.
                b.triangle(a, d, c, material);
                b.triangle(a, c, bb, material);
            }
        }
    }

    /**
     * A closed latitude-longitude sphere centred at (0, y, 0): one vertex at each pole (exactly on the
     * y axis), {@code rings - 1} rings of {@code segments} vertices that wrap around (no seam), uv from
     * azimuth (from +x towards +z) and polar angle.
     */
    static void addSphere(MeshBuilder b, float y, float radius, int segments, int rings, int material) {
        int top = b.vertex(0, y + radius, 0, 0, 1, 0, 0.5f, 0);
        int first = b.vertexCount();
        for (int r = 1; r < rings; r++) {
            double theta = Math.PI * r / rings;
            for (int s = 0; s < segments; s++) {
                double phi = 2 * Math.PI * s / segments;
                float nx = (float) (Math.sin(theta) * Math.cos(phi));
                float ny = (float) Math.cos(theta);
                float nz = (float) (Math.sin(theta) * Math.sin(phi));
                b.vertex(radius * nx, y + radius * ny, radius * nz, nx, ny, nz, (float) s / segments, (float) r / rings);
            }
        }
        int bottom = b.vertex(0, y - radius, 0, 0, -1, 0, 0.5f, 1);
        for (int s = 0; s < segments; s++) {
            int s1 = (s + 1) % segments;
            // Increasing phi runs clockwise seen from +y (outside at the top pole).
            b.triangle(top, first + s1, first + s, material);
            int last = first + (rings - 2) * segments;
            b.triangle(bottom, last + s, last + s1, material);
            for (int r = 0; r < rings - 2; r++) {
                int a = first + r * segments + s;
                int a1 = first + r * segments + s1;
                int c = a + segments;
                int c1 = a1 + segments;
                b.triangle(a, a1, c1, material);
                b.triangle(a, c1, c, material);
            }
        }
    }
}
