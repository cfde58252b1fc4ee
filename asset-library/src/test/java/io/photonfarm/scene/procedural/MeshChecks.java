package io.photonfarm.scene.procedural;

import io.photonfarm.scene.Mesh;
import java.util.HashMap;
import java.util.Map;
import org.joml.Vector3f;

/** Geometric facts about meshes, computed independently of how the meshes were built. */
final class MeshChecks {
    private MeshChecks() {
    }

    /**
     * Directed edges, with vertices welded by exact position, that do not have exactly one opposite
     * edge: 0 means every connected part is closed and consistently wound.
     */
    static int unmatchedEdges(Mesh m) {
        int[] weld = weld(m);
        Map<Long, Integer> directed = new HashMap<>();
        int[] idx = m.indices();
        for (int t = 0; t < idx.length; t += 3) {
            for (int e = 0; e < 3; e++) {
                long a = weld[idx[t + e]];
                long b = weld[idx[t + (e + 1) % 3]];
                directed.merge((a << 32) | b, 1, Integer::sum);
            }
        }
        int bad = 0;
        for (Map.Entry<Long, Integer> e : directed.entrySet()) {
            long a = e.getKey() >>> 32;
            long b = e.getKey() & 0xFFFFFFFFL;
            Integer back = directed.get((b << 32) | a);
            if (e.getValue() != 1 || back == null || back != 1) {
                bad++;
            }
        }
        return bad;
    }

    private static int[] weld(Mesh m) {
        float[] p = m.positions();
        Map<String, Integer> ids = new HashMap<>();
        int[] out = new int[m.vertexCount()];
        for (int v = 0; v < out.length; v++) {
            String key = p[3 * v] + "," + p[3 * v + 1] + "," + p[3 * v + 2];
            out[v] = ids.computeIfAbsent(key, k -> ids.size());
        }
        return out;
    }

    /** The signed volume enclosed (divergence theorem); positive when faces point outwards. */
    static double signedVolume(Mesh m) {
        float[] p = m.positions();
        int[] idx = m.indices();
        double v = 0;
        for (int t = 0; t < idx.length; t += 3) {
            Vector3f a = at(p, idx[t]);
            Vector3f b = at(p, idx[t + 1]);
            Vector3f c = at(p, idx[t + 2]);
            v += a.dot(new Vector3f(b).cross(c)) / 6.0;
        }
        return v;
    }

    /** Triangles whose face normal points away from the mean of their vertex normals. */
    static int facesAgainstNormals(Mesh m) {
        float[] p = m.positions();
        float[] n = m.normals();
        int[] idx = m.indices();
        int bad = 0;
        for (int t = 0; t < idx.length; t += 3) {
            Vector3f a = at(p, idx[t]);
            Vector3f f = at(p, idx[t + 1]).sub(a).cross(at(p, idx[t + 2]).sub(a));
            Vector3f sum = at(n, idx[t]).add(at(n, idx[t + 1])).add(at(n, idx[t + 2]));
            if (f.dot(sum) <= 0) {
                bad++;
            }
        }
        return bad;
    }

    /** Triangles with (near) zero area: below 1e-14 m^2. */
    static int degenerateTriangles(Mesh m) {
        float[] p = m.positions();
        int[] idx = m.indices();
        int bad = 0;
        for (int t = 0; t < idx.length; t += 3) {
            Vector3f a = at(p, idx[t]);
            if (at(p, idx[t + 1]).sub(a).cross(at(p, idx[t + 2]).sub(a)).length() / 2 < 1e-14) {
                bad++;
            }
        }
        return bad;
    }

    /** Distance from {@code q} to the nearest triangle of the mesh, metres (exact point-triangle distance). */
    static double distanceToSurface(Mesh m, Vector3f q) {
        float[] p = m.positions();
        int[] idx = m.indices();
        double best = Double.POSITIVE_INFINITY;
        for (int t = 0; t < idx.length; t += 3) {
            best = Math.min(best, pointTriangle(q, at(p, idx[t]), at(p, idx[t + 1]), at(p, idx[t + 2])));
        }
        return best;
    }

    /** Ericson, Real-Time Collision Detection, 5.1.5: closest point on a triangle. */
    private static double pointTriangle(Vector3f q, Vector3f a, Vector3f b, Vector3f c) {
        Vector3f ab = new Vector3f(b).sub(a);
        Vector3f ac = new Vector3f(c).sub(a);
        Vector3f ap = new Vector3f(q).sub(a);
        float d1 = ab.dot(ap);
        float d2 = ac.dot(ap);
        if (d1 <= 0 && d2 <= 0) {
            return q.distance(a);
        }
        Vector3f bp = new Vector3f(q).sub(b);
        float d3 = ab.dot(bp);
        float d4 = ac.dot(bp);
        if (d3 >= 0 && d4 <= d3) {
            return q.distance(b);
        }
        float vc = d1 * d4 - d3 * d2;
        if (vc <= 0 && d1 >= 0 && d3 <= 0) {
            float v = d1 / (d1 - d3);
            return q.distance(new Vector3f(a).fma(v, ab));
        }
        Vector3f cp = new Vector3f(q).sub(c);
        float d5 = ab.dot(cp);
        float d6 = ac.dot(cp);
        if (d6 >= 0 && d5 <= d6) {
            return q.distance(c);
        }
        float vb = d5 * d2 - d1 * d6;
        if (vb <= 0 && d2 >= 0 && d6 <= 0) {
            float w = d2 / (d2 - d6);
            return q.distance(new Vector3f(a).fma(w, ac));
        }
        float va = d3 * d6 - d5 * d4;
        if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
            float w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
            return q.distance(new Vector3f(c).sub(b).mul(w).add(b));
        }
        float denom = 1f / (va + vb + vc);
        float v = vb * denom;
        float w = vc * denom;
        return q.distance(new Vector3f(a).fma(v, ab).fma(w, ac));
    }

    private static Vector3f at(float[] a, int v) {
        return new Vector3f(a[3 * v], a[3 * v + 1], a[3 * v + 2]);
    }
}
