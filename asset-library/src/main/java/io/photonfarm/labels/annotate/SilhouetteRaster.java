package io.photonfarm.labels.annotate;

import io.photonfarm.labels.PinholeCalibration;

/**
 * The pixels whose centre ray meets a mesh: rasterisation in homogeneous coordinates (Olano and
 * Greer, "Triangle Scan Conversion using 2D Homogeneous Coordinates", Graphics Hardware 1997), in
 * double precision, sampled exactly at pixel centres.
 *
 * <p>The ray from the camera centre along {@code r = ((u + 0.5 - cx) / fx, (v + 0.5 - cy) / fy, 1)}
 * meets the camera-frame triangle (V0, V1, V2) at some t > 0 exactly when r is a non-negative
 * combination of the three vertices; by Cramer's rule the weights are {@code r . (V1 x V2)},
 * {@code r . (V2 x V0)}, {@code r . (V0 x V1)} over {@code D = V0 . (V1 x V2)}. Each is affine in the
 * pixel position, so these are three edge functions, and no clipping against the near plane is
 * needed for the test itself: points behind the camera give weights of the other sign. That is the
 * renderer's two-sided ray-triangle test, asked for every pixel centre at once, at a cost of one
 * multiply-add per edge and pixel over each triangle's bounding rectangle instead of a BVH walk per
 * pixel. A centre exactly on an edge belongs to the triangle for which that edge is a left edge, or
 * a top edge when it is vertical in u (the top-left rule, applied to the edge function's gradient),
 * so an edge shared by two triangles gives its centres to exactly one of them. Triangles seen
 * edge-on (D = 0) cover nothing.
 *
 * <p>Only the bounding rectangle of each triangle needs the near plane: it is the projection of the
 * triangle clipped to Z >= nearZ, so the part of a triangle within nearZ of the camera plane is not
 * scanned.
 *
 * <p>Through a distorting lens the centre rays are no longer affine in the pixel position, but the
 * test only needs each centre's ray: the edge functions are evaluated on the undistorted normalised
 * coordinates (x, y) of every pixel centre's ray ({@link FilmGrid}), which is exact; the pixels to
 * scan are those whose (x, y) lies in the triangle's bounds in normalised coordinates (exact there,
 * where edges are straight), found per row by the grid.
 */
final class SilhouetteRaster {
    private SilhouetteRaster() {
    }

    /**
     * Sets {@code mask[(v - rect.y0) * rect.width + (u - rect.x0)]} for each pixel (u, v) of {@code rect}
     * whose centre ray meets a triangle of {@code mesh}.
     */
    static void fill(CameraMesh mesh, PinholeCalibration cal, double nearZ, PixelRect rect, boolean[] mask) {
        if (rect.isEmpty()) {
            return;
        }
        int w = rect.width();
        double[] rx = new double[w];
        for (int i = 0; i < w; i++) {
            rx[i] = (rect.x0() + i + 0.5 - cal.cx()) / cal.fx();
        }
        double[] ry = new double[rect.height()];
        for (int j = 0; j < ry.length; j++) {
            ry[j] = (rect.y0() + j + 0.5 - cal.cy()) / cal.fy();
        }
        double[] p = mesh.xyz();
        int[] idx = mesh.indices();
        CameraMesh.Bounds2 b = new CameraMesh.Bounds2(cal);
        for (int k = 0; k < idx.length; k += 3) {
            int a0 = 3 * idx[k];
            int a1 = 3 * idx[k + 1];
            int a2 = 3 * idx[k + 2];
            b.reset();
            addIfInFront(b, nearZ, p, a0);
            addIfInFront(b, nearZ, p, a1);
            addIfInFront(b, nearZ, p, a2);
            mesh.addCrossing(b, nearZ, a0, a1);
            mesh.addCrossing(b, nearZ, a1, a2);
            mesh.addCrossing(b, nearZ, a2, a0);
            if (b.isEmpty()) {
                continue;
            }
            // Widen by a hair so that rounding in the projection never drops a centre the edge test accepts.
            double slack = 1e-7 * (1 + Math.max(Math.abs(b.xMin), Math.abs(b.xMax)) + Math.max(Math.abs(b.yMin), Math.abs(b.yMax)));
            int u0 = Math.max(rect.x0(), PixelRect.firstCentreAtOrAfter(b.xMin - slack, rect.x1()));
            int u1 = Math.min(rect.x1() - 1, PixelRect.lastCentreAtOrBefore(b.xMax + slack, rect.x1()));
            int v0 = Math.max(rect.y0(), PixelRect.firstCentreAtOrAfter(b.yMin - slack, rect.y1()));
            int v1 = Math.min(rect.y1() - 1, PixelRect.lastCentreAtOrBefore(b.yMax + slack, rect.y1()));
            if (u1 < u0 || v1 < v0) {
                continue;
            }
            scan(p, a0, a1, a2, rect, rx, ry, u0, u1, v0, v1, mask);
        }
    }

    /**
     * {@link #fill(CameraMesh, PinholeCalibration, double, PixelRect, boolean[])} through a lens: the
     * centre rays come from {@code grid}, the undistorted coordinates of every pixel centre.
     */
    static void fill(CameraMesh mesh, FilmGrid grid, double nearZ, PixelRect rect, boolean[] mask) {
        if (rect.isEmpty()) {
            return;
        }
        double[] p = mesh.xyz();
        int[] idx = mesh.indices();
        CameraMesh.Bounds2 b = new CameraMesh.Bounds2(null);
        int[] columns = new int[2];
        for (int k = 0; k < idx.length; k += 3) {
            int a0 = 3 * idx[k];
            int a1 = 3 * idx[k + 1];
            int a2 = 3 * idx[k + 2];
            b.reset();
            addIfInFront(b, nearZ, p, a0);
            addIfInFront(b, nearZ, p, a1);
            addIfInFront(b, nearZ, p, a2);
            mesh.addCrossing(b, nearZ, a0, a1);
            mesh.addCrossing(b, nearZ, a1, a2);
            mesh.addCrossing(b, nearZ, a2, a0);
            if (b.isEmpty()) {
                continue;
            }
            Edges e = Edges.of(p, a0, a1, a2);
            if (e == null) {
                continue;
            }
            // Widen by a hair so that rounding in the bounds never drops a centre the edge test accepts.
            double slack = 1e-12 * (1 + Math.max(Math.abs(b.xMin), Math.abs(b.xMax)) + Math.max(Math.abs(b.yMin), Math.abs(b.yMax)));
            for (int v = rect.y0(); v < rect.y1(); v++) {
                if (!grid.columns(v, b.xMin - slack, b.xMax + slack, b.yMin - slack, b.yMax + slack, rect.x0(), rect.x1(), columns)) {
                    continue;
                }
                int row = (v - rect.y0()) * rect.width() - rect.x0();
                for (int u = columns[0]; u < columns[1]; u++) {
                    if (e.covers(grid.x(u, v), grid.y(u, v))) {
                        mask[row + u] = true;
                    }
                }
            }
        }
    }

    /**
     * The three edge functions of a camera-frame triangle as a two-sided ray test: normals
     * n0 = V1 x V2, n1 = V2 x V0, n2 = V0 x V1, flipped to make D = V0 . n0 positive; the top-left rule
     * on each gradient (n.x, n.y) decides centres exactly on an edge.
     */
    private record Edges(double n0x, double n0y, double n0z, double n1x, double n1y, double n1z, double n2x, double n2y,
            double n2z, boolean tl0, boolean tl1, boolean tl2) {

        /** Null when the triangle is seen edge-on (it covers nothing). */
        static Edges of(double[] p, int a0, int a1, int a2) {
            double x0 = p[a0], y0 = p[a0 + 1], z0 = p[a0 + 2];
            double x1 = p[a1], y1 = p[a1 + 1], z1 = p[a1 + 2];
            double x2 = p[a2], y2 = p[a2 + 1], z2 = p[a2 + 2];
            double n0x = y1 * z2 - z1 * y2, n0y = z1 * x2 - x1 * z2, n0z = x1 * y2 - y1 * x2;
            double n1x = y2 * z0 - z2 * y0, n1y = z2 * x0 - x2 * z0, n1z = x2 * y0 - y2 * x0;
            double n2x = y0 * z1 - z0 * y1, n2y = z0 * x1 - x0 * z1, n2z = x0 * y1 - y0 * x1;
            double d = x0 * n0x + y0 * n0y + z0 * n0z;
            if (d == 0 || Double.isNaN(d)) {
                return null;
            }
            double s = d < 0 ? -1 : 1;
            n0x *= s; n0y *= s; n0z *= s;
            n1x *= s; n1y *= s; n1z *= s;
            n2x *= s; n2y *= s; n2z *= s;
            return new Edges(n0x, n0y, n0z, n1x, n1y, n1z, n2x, n2y, n2z, n0x > 0 || (n0x == 0 && n0y > 0),
                    n1x > 0 || (n1x == 0 && n1y > 0), n2x > 0 || (n2x == 0 && n2y > 0));
        }

        boolean covers(double x, double y) {
            double e0 = n0x * x + n0y * y + n0z;
            double e1 = n1x * x + n1y * y + n1z;
            double e2 = n2x * x + n2y * y + n2z;
            return (e0 > 0 || (e0 == 0 && tl0)) && (e1 > 0 || (e1 == 0 && tl1)) && (e2 > 0 || (e2 == 0 && tl2));
        }
    }

    private static void addIfInFront(CameraMesh.Bounds2 b, double nearZ, double[] p, int a) {
        if (p[a + 2] > nearZ) {
            b.add(p[a], p[a + 1], p[a + 2]);
        }
    }

    private static void scan(double[] p, int a0, int a1, int a2, PixelRect rect, double[] rx, double[] ry,
            int u0, int u1, int v0, int v1, boolean[] mask) {
        Edges e = Edges.of(p, a0, a1, a2);
        if (e == null) {
            return;
        }
        double n0x = e.n0x(), n0y = e.n0y(), n0z = e.n0z();
        double n1x = e.n1x(), n1y = e.n1y(), n1z = e.n1z();
        double n2x = e.n2x(), n2y = e.n2y(), n2z = e.n2z();
        boolean tl0 = e.tl0(), tl1 = e.tl1(), tl2 = e.tl2();
        int w = rect.width();
        for (int v = v0; v <= v1; v++) {
            double yv = ry[v - rect.y0()];
            double c0 = n0y * yv + n0z;
            double c1 = n1y * yv + n1z;
            double c2 = n2y * yv + n2z;
            int row = (v - rect.y0()) * w - rect.x0();
            for (int u = u0; u <= u1; u++) {
                double xu = rx[u - rect.x0()];
                double e0 = n0x * xu + c0;
                double e1 = n1x * xu + c1;
                double e2 = n2x * xu + c2;
                if ((e0 > 0 || (e0 == 0 && tl0)) && (e1 > 0 || (e1 == 0 && tl1)) && (e2 > 0 || (e2 == 0 && tl2))) {
                    mask[row + u] = true;
                }
            }
        }
    }
}
