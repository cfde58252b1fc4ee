package io.photonfarm.scene.procedural;

import io.photonfarm.scene.Mesh;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4dc;
import org.joml.Vector3d;

/**
 * Whether a rigid object-space transform maps a mesh onto itself, shape and appearance: every
 * vertex must land on a vertex (or, for rotations the tessellation cannot follow, on the surface)
 * whose triangles carry the same material slots. Object space, metres.
 */
final class MeshSymmetryCheck {
    /** How close a transformed vertex must come to a vertex, metres. */
    static final double VERTEX_TOLERANCE = 1e-5;

    private final Mesh mesh;
    /** The material slots of the triangles around each vertex. */
    private final BitSet[] slots;
    /** Vertices by grid cell of {@link #CELL} metres, for the nearest-vertex search. */
    private final Map<Long, List<Integer>> grid = new HashMap<>();
    private static final double CELL = 4 * VERTEX_TOLERANCE;

    MeshSymmetryCheck(Mesh mesh) {
        this.mesh = mesh;
        slots = new BitSet[mesh.vertexCount()];
        for (int v = 0; v < slots.length; v++) {
            slots[v] = new BitSet();
        }
        int[] idx = mesh.indices();
        for (int t = 0; t < mesh.triangleCount(); t++) {
            for (int k = 0; k < 3; k++) {
                slots[idx[t * 3 + k]].set(mesh.triangleMaterials()[t]);
            }
        }
        for (int v = 0; v < mesh.vertexCount(); v++) {
            Vector3d p = vertex(v);
            grid.computeIfAbsent(key(cell(p.x), cell(p.y), cell(p.z)), k -> new ArrayList<>()).add(v);
        }
    }

    /**
     * The first vertex that {@code s} does not map onto a vertex of the same slots within
     * {@link #VERTEX_TOLERANCE}, as a message, or null if every vertex maps.
     */
    String firstVertexOff(Matrix4dc s) {
        Vector3d p = new Vector3d();
        for (int v = 0; v < mesh.vertexCount(); v++) {
            s.transformPosition(vertex(v, p));
            if (!hasVertexNear(p, slots[v])) {
                return "vertex " + v + " " + vertex(v) + " (slots " + slots[v] + ") goes to " + p
                        + ", where no vertex of those slots is";
            }
        }
        return null;
    }

    /**
     * The largest distance from a vertex moved by {@code s} to the surface made of triangles carrying
     * one of that vertex's slots, metres. For rotations a faceted surface of revolution only
     * approximately follows, this is at most its chord error.
     */
    double farthestFromSurface(Matrix4dc s) {
        double worst = 0;
        Vector3d p = new Vector3d();
        for (int v = 0; v < mesh.vertexCount(); v++) {
            s.transformPosition(vertex(v, p));
            worst = Math.max(worst, distanceToSurface(p, slots[v]));
        }
        return worst;
    }

    private boolean hasVertexNear(Vector3d p, BitSet wanted) {
        long cx = cell(p.x);
        long cy = cell(p.y);
        long cz = cell(p.z);
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                for (long dz = -1; dz <= 1; dz++) {
                    for (int w : grid.getOrDefault(key(cx + dx, cy + dy, cz + dz), List.of())) {
                        if (vertex(w).distance(p) <= VERTEX_TOLERANCE && slots[w].equals(wanted)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private double distanceToSurface(Vector3d p, BitSet wanted) {
        double best = Double.POSITIVE_INFINITY;
        int[] idx = mesh.indices();
        for (int t = 0; t < mesh.triangleCount(); t++) {
            if (wanted.get(mesh.triangleMaterials()[t])) {
                best = Math.min(best, closestOnTriangle(p, vertex(idx[t * 3]), vertex(idx[t * 3 + 1]),
                        vertex(idx[t * 3 + 2])).distance(p));
            }
        }
        return best;
    }

    /** The point of triangle abc closest to p (Ericson, Real-Time Collision Detection, 5.1.5). */
    static Vector3d closestOnTriangle(Vector3d p, Vector3d a, Vector3d b, Vector3d c) {
        Vector3d ab = new Vector3d(b).sub(a);
        Vector3d ac = new Vector3d(c).sub(a);
        Vector3d ap = new Vector3d(p).sub(a);
        double d1 = ab.dot(ap);
        double d2 = ac.dot(ap);
        if (d1 <= 0 && d2 <= 0) {
            return a;
        }
        Vector3d bp = new Vector3d(p).sub(b);
        double d3 = ab.dot(bp);
        double d4 = ac.dot(bp);
        if (d3 >= 0 && d4 <= d3) {
            return b;
        }
        double vc = d1 * d4 - d3 * d2;
        if (vc <= 0 && d1 >= 0 && d3 <= 0) {
            return new Vector3d(a).fma(d1 / (d1 - d3), ab);
        }
        Vector3d cp = new Vector3d(p).sub(c);
        double d5 = ab.dot(cp);
        double d6 = ac.dot(cp);
        if (d6 >= 0 && d5 <= d6) {
            return c;
        }
        double vb = d5 * d2 - d1 * d6;
        if (vb <= 0 && d2 >= 0 && d6 <= 0) {
            return new Vector3d(a).fma(d2 / (d2 - d6), ac);
        }
        double va = d3 * d6 - d5 * d4;
        if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
            return new Vector3d(b).fma((d4 - d3) / ((d4 - d3) + (d5 - d6)), new Vector3d(c).sub(b));
        }
        double denom = 1 / (va + vb + vc);
        return new Vector3d(a).fma(vb * denom, ab).fma(vc * denom, ac);
    }

    private Vector3d vertex(int v) {
        return vertex(v, new Vector3d());
    }

    private Vector3d vertex(int v, Vector3d out) {
        float[] p = mesh.positions();
        return out.set(p[v * 3], p[v * 3 + 1], p[v * 3 + 2]);
    }

    private static long cell(double x) {
        return (long) Math.floor(x / CELL);
    }

    private static long key(long x, long y, long z) {
        return (x * 73_856_093L) ^ (y * 19_349_663L) ^ (z * 83_492_791L);
    }
}
