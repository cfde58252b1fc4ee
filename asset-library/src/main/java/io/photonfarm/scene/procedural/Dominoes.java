package io.photonfarm.scene.procedural;

import io.photonfarm.scene.Landmark;
import io.photonfarm.scene.Landmarks;
import io.photonfarm.scene.Symmetries;
import io.photonfarm.scene.builtin.MeshBuilder;
import java.util.ArrayList;
import java.util.List;
import org.joml.Vector3f;

/**
 * Double-six dominoes: every pair of pip counts 0-0 to 6-6 (28 tiles), each its own class
 * {@code domino_A_B} with A <= B. A class per pair (rather than one "domino" class with attributes)
 * gives every class a fixed landmark list (4 + A + B points), which keypoint formats such as COCO
 * need per category, and makes "how many pips" a plain classification target: A + B.
 *
 * <p>Object space (metres, y up): the tile lies flat, its long side along x, resting on y = 0 with
 * its top face at y = {@link #THICKNESS}. The half with A pips is at x < 0, the half with B pips at
 * x > 0, split by a thin divider bar along z. The body is a rounded box; pips are short closed
 * cylinders set into the top face, standing {@link #PIP_RISE} above it, with their own material
 * slot ("pips", shared by the divider).
 *
 * <p>Landmarks, in this order: {@code corner_0} to {@code corner_3}, the corners of the flat part of
 * the top face (inside the rounded edges) at (-x, -z), (+x, -z), (+x, +z), (-x, +z); then
 * {@code pip_a_1} .. {@code pip_a_A} and {@code pip_b_1} .. {@code pip_b_B}, the centres of the pips'
 * top faces, each half's pips in row-major order of its 3 x 3 grid (x, then z). The skeleton joins
 * the corners around the top face.
 *
 * <p>Symmetry: every standard pip pattern is symmetric under a half turn within its square, so a
 * double (A = B) looks the same after a half turn about +y; other tiles have no symmetry.
 */
public final class Dominoes {
    /** Length along x, metres. */
    public static final float LENGTH = 0.048f;
    /** Width along z, metres. */
    public static final float WIDTH = 0.024f;
    /** Height along y, metres. */
    public static final float THICKNESS = 0.009f;
    /** Radius of the rounded edges, metres. */
    public static final float EDGE_RADIUS = 0.0015f;
    /** Radius of a pip, metres. */
    public static final float PIP_RADIUS = 0.0021f;
    /** How far a pip's top stands above the top face, metres. */
    public static final float PIP_RISE = 0.00025f;
    /** How deep a pip reaches below the top face, metres. */
    private static final float PIP_DEPTH = 0.0004f;
    /** Distance between neighbouring pip positions in a half, metres. */
    private static final float PIP_SPACING = 0.0065f;
    private static final int PIP_SEGMENTS = 16;
    /** Largest pip count of one half. */
    public static final int MAX_PIPS = 6;

    /** Material slot of the body. */
    public static final int BODY = 0;
    /** Material slot of pips and divider. */
    public static final int PIPS = 1;

    private Dominoes() {
    }

    /** The class name of the tile with {@code a} and {@code b} pips, smaller count first. */
    public static String className(int a, int b) {
        check(a, b);
        return "domino_" + Math.min(a, b) + "_" + Math.max(a, b);
    }

    /** All 28 class names, 0-0 first, in order of (A, B). */
    public static List<String> classNames() {
        List<String> out = new ArrayList<>(28);
        for (int a = 0; a <= MAX_PIPS; a++) {
            for (int b = a; b <= MAX_PIPS; b++) {
                out.add(className(a, b));
            }
        }
        return out;
    }

    /** The pip counts {A, B} of a class name {@code domino_A_B}, or null if it is not one. */
    public static int[] pips(String className) {
        if (className == null || !className.matches("domino_[0-6]_[0-6]")) {
            return null;
        }
        int a = className.charAt(7) - '0';
        int b = className.charAt(9) - '0';
        return a <= b ? new int[] {a, b} : null;
    }

    /** The tile with {@code a} pips at -x and {@code b} at +x (a <= b). */
    public static ProceduralModel model(int a, int b) {
        check(a, b);
        if (a > b) {
            throw new IllegalArgumentException("domino " + a + "-" + b + ": give the smaller count first");
        }
        MeshBuilder mesh = new MeshBuilder();
        float hx = LENGTH / 2;
        float hz = WIDTH / 2;
        float hy = THICKNESS / 2;
        RoundedBox.add(mesh, new Vector3f(0, hy, 0), new Vector3f(hx, hy, hz), EDGE_RADIUS, 3, BODY);
        float top = THICKNESS;
        List<Landmark> points = new ArrayList<>(4 + a + b);
        float fx = hx - EDGE_RADIUS;
        float fz = hz - EDGE_RADIUS;
        points.add(new Landmark("corner_0", new Vector3f(-fx, top, -fz)));
        points.add(new Landmark("corner_1", new Vector3f(fx, top, -fz)));
        points.add(new Landmark("corner_2", new Vector3f(fx, top, fz)));
        points.add(new Landmark("corner_3", new Vector3f(-fx, top, fz)));
        addPips(mesh, points, "pip_a_", a, -LENGTH / 4, top);
        addPips(mesh, points, "pip_b_", b, LENGTH / 4, top);
        // The divider: a thin bar across the middle, as tall as the pips.
        mesh.addBox(new Vector3f(-0.00035f, top - PIP_DEPTH, -(hz - 0.003f)), new Vector3f(0.00035f, top + PIP_RISE, hz - 0.003f),
                PIPS);
        List<Landmarks.Bone> ring = List.of(new Landmarks.Bone(0, 1), new Landmarks.Bone(1, 2), new Landmarks.Bone(2, 3),
                new Landmarks.Bone(3, 0));
        Symmetries symmetries = a == b
                ? new Symmetries(List.of(Symmetries.halfTurn(0, 1, 0, 0, 0, 0)), List.of())
                : Symmetries.NONE;
        String name = className(a, b);
        return new ProceduralModel(name, mesh.build(name).withLandmarks(new Landmarks(points, ring)),
                List.of("body", "pips"), symmetries, true);
    }

    /**
     * The pip positions of a half with {@code count} pips on its 3 x 3 grid, as (column along x,
     * row along z) in -1..1, row-major (x first, then z). Every pattern is symmetric under (i, j) -> (-i, -j).
     */
    public static int[][] pattern(int count) {
        return switch (count) {
            case 0 -> new int[0][];
            case 1 -> new int[][] {{0, 0}};
            case 2 -> new int[][] {{-1, -1}, {1, 1}};
            case 3 -> new int[][] {{-1, -1}, {0, 0}, {1, 1}};
            case 4 -> new int[][] {{-1, -1}, {1, -1}, {-1, 1}, {1, 1}};
            case 5 -> new int[][] {{-1, -1}, {1, -1}, {0, 0}, {-1, 1}, {1, 1}};
            case 6 -> new int[][] {{-1, -1}, {0, -1}, {1, -1}, {-1, 1}, {0, 1}, {1, 1}};
            default -> throw new IllegalArgumentException("pip count " + count + " outside 0.." + MAX_PIPS);
        };
    }

    private static void addPips(MeshBuilder mesh, List<Landmark> points, String prefix, int count, float centreX, float top) {
        int[][] grid = pattern(count);
        for (int k = 0; k < grid.length; k++) {
            float x = centreX + grid[k][0] * PIP_SPACING;
            float z = grid[k][1] * PIP_SPACING;
            Shapes.addCylinder(mesh, x, top - PIP_DEPTH, z, PIP_RADIUS, PIP_DEPTH + PIP_RISE, PIP_SEGMENTS, PIPS);
            points.add(new Landmark(prefix + (k + 1), new Vector3f(x, top + PIP_RISE, z)));
        }
    }

    private static void check(int a, int b) {
        if (a < 0 || a > MAX_PIPS || b < 0 || b > MAX_PIPS) {
            throw new IllegalArgumentException("domino " + a + "-" + b + ": pip counts must be in 0.." + MAX_PIPS);
        }
    }
}
