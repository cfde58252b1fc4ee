package io.photonfarm.labels.annotate;

import io.photonfarm.labels.Box2d;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.scene.Mesh;

/**
 * A mesh's vertices in the camera frame (OpenCV: x right, y down, z forward; metres), double precision,
 * and the bounds of their projection.
 *
 * @param xyz     3 doubles per vertex
 * @param indices the mesh's triangles (shared, not copied)
 */
record CameraMesh(double[] xyz, int[] indices) {

    static CameraMesh of(Mesh mesh, ObjectPose pose) {
        float[] p = mesh.positions();
        double[][] l = pose.linear();
        double[] t = pose.translation();
        double[] xyz = new double[p.length];
        for (int v = 0; v < p.length; v += 3) {
            double x = p[v];
            double y = p[v + 1];
            double z = p[v + 2];
            for (int i = 0; i < 3; i++) {
                xyz[v + i] = l[i][0] * x + l[i][1] * y + l[i][2] * z + t[i];
            }
        }
        return new CameraMesh(xyz, mesh.indices());
    }

    int triangleCount() {
        return indices.length / 3;
    }

    /**
     * The bounds of the projection of every vertex, or null when a vertex has Z <= {@code nearZ} (or
     * there are none): the whole object's box, unclipped.
     */
    Box2d projectedBounds(PinholeCalibration cal, double nearZ) {
        if (xyz.length == 0) {
            return null;
        }
        Bounds2 b = new Bounds2();
        for (int v = 0; v < xyz.length; v += 3) {
            if (!(xyz[v + 2] > nearZ)) {
                return null;
            }
            b.add(cal, xyz[v], xyz[v + 1], xyz[v + 2]);
        }
        return b.box();
    }

    /**
     * The bounds of the projection of the mesh clipped to Z >= {@code nearZ}: the vertices in front of
     * that plane and the points where triangle edges cross it; null when nothing is in front.
     */
    Box2d clippedProjectedBounds(PinholeCalibration cal, double nearZ) {
        Bounds2 b = new Bounds2();
        for (int v = 0; v < xyz.length; v += 3) {
            if (xyz[v + 2] > nearZ) {
                b.add(cal, xyz[v], xyz[v + 1], xyz[v + 2]);
            }
        }
        for (int k = 0; k < indices.length; k += 3) {
            for (int e = 0; e < 3; e++) {
                int a = 3 * indices[k + e];
                int c = 3 * indices[k + (e + 1) % 3];
                addCrossing(b, cal, nearZ, a, c);
            }
        }
        return b.box();
    }

    /** Adds the point where the edge between vertices at {@code a} and {@code c} crosses Z = nearZ, if it does. */
    void addCrossing(Bounds2 b, PinholeCalibration cal, double nearZ, int a, int c) {
        double za = xyz[a + 2];
        double zc = xyz[c + 2];
        if ((za > nearZ) == (zc > nearZ)) {
            return;
        }
        double s = (nearZ - za) / (zc - za);
        b.add(cal, xyz[a] + s * (xyz[c] - xyz[a]), xyz[a + 1] + s * (xyz[c + 1] - xyz[a + 1]), nearZ);
    }

    /** A growing 2D box of projected points. */
    static final class Bounds2 {
        double xMin = Double.POSITIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;

        void reset() {
            xMin = Double.POSITIVE_INFINITY;
            yMin = Double.POSITIVE_INFINITY;
            xMax = Double.NEGATIVE_INFINITY;
            yMax = Double.NEGATIVE_INFINITY;
        }

        void add(PinholeCalibration cal, double x, double y, double z) {
            double u = cal.fx() * x / z + cal.cx();
            double v = cal.fy() * y / z + cal.cy();
            xMin = Math.min(xMin, u);
            xMax = Math.max(xMax, u);
            yMin = Math.min(yMin, v);
            yMax = Math.max(yMax, v);
        }

        boolean isEmpty() {
            return !(xMax >= xMin && yMax >= yMin);
        }

        Box2d box() {
            return isEmpty() ? null : new Box2d(xMin, yMin, xMax, yMax);
        }
    }
}
