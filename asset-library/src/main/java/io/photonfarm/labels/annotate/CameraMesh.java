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
     * The bounds of the projection of the whole mesh, or null when a vertex has Z <= {@code nearZ} (or
     * there are none), or, with a lens, is imaged nowhere ({@link PinholeCalibration#pixelOf}): the whole
     * object's box, unclipped. Without a lens these are the bounds of the projected vertices, exact
     * since edges project to straight lines. With one, straight edges project to curves whose extremes
     * may lie between the vertices, so every edge is also subdivided (in halves, recursively) until the
     * distorted midpoint of each piece is within {@link #CURVE_TOLERANCE_PX} of its chord's midpoint;
     * the box is exact to about that tolerance.
     */
    Box2d projectedBounds(PinholeCalibration cal, double nearZ) {
        if (xyz.length == 0) {
            return null;
        }
        Bounds2 b = new Bounds2(cal);
        boolean lens = cal.lens() != null;
        for (int v = 0; v < xyz.length; v += 3) {
            if (!(xyz[v + 2] > nearZ) || (lens && cal.pixelOf(xyz[v], xyz[v + 1], xyz[v + 2]) == null)) {
                return null;
            }
            b.add(xyz[v], xyz[v + 1], xyz[v + 2]);
        }
        if (lens) {
            for (int k = 0; k < indices.length; k += 3) {
                for (int e = 0; e < 3; e++) {
                    int a = 3 * indices[k + e];
                    int c = 3 * indices[k + (e + 1) % 3];
                    double[] pa = cal.distortedPixel(xyz[a], xyz[a + 1], xyz[a + 2]);
                    double[] pc = cal.distortedPixel(xyz[c], xyz[c + 1], xyz[c + 2]);
                    addCurve(b, cal, xyz[a], xyz[a + 1], xyz[a + 2], pa, xyz[c], xyz[c + 1], xyz[c + 2], pc, 0);
                }
            }
        }
        return b.box();
    }

    /** The distorted midpoint of a piece of edge may stray this far from its chord's midpoint, pixels. */
    static final double CURVE_TOLERANCE_PX = 1e-3;

    /**
     * Adds the distorted image of the segment A..C (camera frame, both in front and imaged; so is every
     * point between them, the lens's domain being convex) by halving it until it is straight enough.
     */
    private static void addCurve(Bounds2 b, PinholeCalibration cal, double ax, double ay, double az, double[] pa,
            double cx, double cy, double cz, double[] pc, int depth) {
        double mx = 0.5 * (ax + cx);
        double my = 0.5 * (ay + cy);
        double mz = 0.5 * (az + cz);
        double[] pm = cal.distortedPixel(mx, my, mz);
        b.addPixel(pm[0], pm[1]);
        if (depth < 16 && Math.hypot(pm[0] - 0.5 * (pa[0] + pc[0]), pm[1] - 0.5 * (pa[1] + pc[1])) > CURVE_TOLERANCE_PX) {
            addCurve(b, cal, ax, ay, az, pa, mx, my, mz, pm, depth + 1);
            addCurve(b, cal, mx, my, mz, pm, cx, cy, cz, pc, depth + 1);
        }
    }

    /**
     * The bounds of the projection of the mesh clipped to Z >= {@code nearZ} (without a lens; with one
     * the annotator takes the box of the silhouette instead): the vertices in front of that plane and
     * the points where triangle edges cross it; null when nothing is in front.
     */
    Box2d clippedProjectedBounds(PinholeCalibration cal, double nearZ) {
        Bounds2 b = new Bounds2(cal);
        for (int v = 0; v < xyz.length; v += 3) {
            if (xyz[v + 2] > nearZ) {
                b.add(xyz[v], xyz[v + 1], xyz[v + 2]);
            }
        }
        for (int k = 0; k < indices.length; k += 3) {
            for (int e = 0; e < 3; e++) {
                int a = 3 * indices[k + e];
                int c = 3 * indices[k + (e + 1) % 3];
                addCrossing(b, nearZ, a, c);
            }
        }
        return b.box();
    }

    /**
     * The bounds, in undistorted normalised coordinates (X/Z, Y/Z), of the mesh clipped to Z >= nearZ;
     * exact, since edges are straight there. Null when nothing is in front.
     */
    Box2d normalisedBounds(double nearZ) {
        Bounds2 b = new Bounds2(null);
        for (int v = 0; v < xyz.length; v += 3) {
            if (xyz[v + 2] > nearZ) {
                b.add(xyz[v], xyz[v + 1], xyz[v + 2]);
            }
        }
        for (int k = 0; k < indices.length; k += 3) {
            for (int e = 0; e < 3; e++) {
                addCrossing(b, nearZ, 3 * indices[k + e], 3 * indices[k + (e + 1) % 3]);
            }
        }
        return b.box();
    }

    /** Adds the point where the edge between vertices at {@code a} and {@code c} crosses Z = nearZ, if it does. */
    void addCrossing(Bounds2 b, double nearZ, int a, int c) {
        double za = xyz[a + 2];
        double zc = xyz[c + 2];
        if ((za > nearZ) == (zc > nearZ)) {
            return;
        }
        double s = (nearZ - za) / (zc - za);
        b.add(xyz[a] + s * (xyz[c] - xyz[a]), xyz[a + 1] + s * (xyz[c + 1] - xyz[a + 1]), nearZ);
    }

    /**
     * A growing 2D box of projected points: the pixel coordinates of a calibration (distorted when it
     * has a lens), or normalised coordinates (X/Z, Y/Z) without one.
     */
    static final class Bounds2 {
        private final PinholeCalibration cal;
        double xMin = Double.POSITIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;

        /** @param cal the calibration whose pinhole pixels to bound, or null for normalised coordinates */
        Bounds2(PinholeCalibration cal) {
            this.cal = cal;
        }

        void reset() {
            xMin = Double.POSITIVE_INFINITY;
            yMin = Double.POSITIVE_INFINITY;
            xMax = Double.NEGATIVE_INFINITY;
            yMax = Double.NEGATIVE_INFINITY;
        }

        /** Adds camera point (x, y, z), z > 0: distorted when the calibration has a lens. */
        void add(double x, double y, double z) {
            if (cal == null) {
                addPixel(x / z, y / z);
            } else if (cal.lens() == null) {
                addPixel(cal.fx() * x / z + cal.cx(), cal.fy() * y / z + cal.cy());
            } else {
                double[] p = cal.distortedPixel(x, y, z);
                addPixel(p[0], p[1]);
            }
        }

        void addPixel(double u, double v) {
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
