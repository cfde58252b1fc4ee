package io.photonfarm.scene.procedural;

import io.photonfarm.scene.Landmark;
import io.photonfarm.scene.Landmarks;
import io.photonfarm.scene.Symmetries;
import io.photonfarm.scene.builtin.MeshBuilder;
import java.util.ArrayList;
import java.util.List;
import org.joml.Vector3f;

/**
 * Simple built-in objects of one material slot each: a box, a can, a sphere and a torus. Object
 * space as for every {@link ProceduralModel}: metres, y up, resting on y = 0, centred on the y axis.
 * Each one's landmarks are vertices of its mesh, so they lie on its surface.
 */
public final class Primitives {
    private Primitives() {
    }

    /**
     * A rounded box 80 x 50 x 60 mm (x, y, z), 3 mm edge radius. Landmarks: the 8 corners
     * {@code corner_XYZ} (X, Y, Z in {0, 1}: 1 is the + end of that axis; point on the rounded corner
     * along the box's diagonal), in the order k = X + 2Y + 4Z, then {@code top_centre}. Skeleton: the
     * 12 edges. Symmetries: half turns about x, y and z through the box's centre.
     */
    public static ProceduralModel box() {
        float hx = 0.04f;
        float hy = 0.025f;
        float hz = 0.03f;
        float r = 0.003f;
        MeshBuilder b = new MeshBuilder();
        RoundedBox.add(b, new Vector3f(0, hy, 0), new Vector3f(hx, hy, hz), r, 2, 0);
        float d = (float) (r / Math.sqrt(3));
        List<Landmark> points = new ArrayList<>(9);
        for (int k = 0; k < 8; k++) {
            int x = k & 1;
            int y = (k >> 1) & 1;
            int z = (k >> 2) & 1;
            float sx = x == 1 ? 1 : -1;
            float sy = y == 1 ? 1 : -1;
            float sz = z == 1 ? 1 : -1;
            points.add(new Landmark("corner_" + x + y + z, new Vector3f(sx * (hx - r + d), hy + sy * (hy - r + d),
                    sz * (hz - r + d))));
        }
        points.add(new Landmark("top_centre", new Vector3f(0, 2 * hy, 0)));
        List<Landmarks.Bone> edges = new ArrayList<>(12);
        for (int k = 0; k < 8; k++) {
            for (int bit = 1; bit < 8; bit <<= 1) {
                if ((k & bit) == 0) {
                    edges.add(new Landmarks.Bone(k, k | bit));
                }
            }
        }
        Symmetries sym = new Symmetries(List.of(Symmetries.halfTurn(1, 0, 0, 0, hy, 0), Symmetries.halfTurn(0, 1, 0, 0, hy, 0),
                Symmetries.halfTurn(0, 0, 1, 0, hy, 0)), List.of());
        return new ProceduralModel("box", b.build("box").withLandmarks(new Landmarks(points, edges)), List.of("body"), sym, true);
    }

    /**
     * A can: a closed cylinder of radius 33 mm and height 120 mm. Landmarks: {@code top_centre},
     * {@code bottom_centre}, and {@code top_rim_0}, {@code _90}, {@code _180}, {@code _270} at those
     * azimuths (degrees from +x towards +z). Symmetries: any rotation about y; a half turn about x
     * through the centre.
     */
    public static ProceduralModel can() {
        float radius = 0.033f;
        float height = 0.12f;
        MeshBuilder b = new MeshBuilder();
        Shapes.addCylinder(b, 0, 0, 0, radius, height, 32, 0);
        List<Landmark> points = new ArrayList<>(List.of(new Landmark("top_centre", new Vector3f(0, height, 0)),
                new Landmark("bottom_centre", new Vector3f(0, 0, 0))));
        for (int deg = 0; deg < 360; deg += 90) {
            double phi = Math.toRadians(deg);
            points.add(new Landmark("top_rim_" + deg, new Vector3f((float) (radius * Math.cos(phi)), height,
                    (float) (radius * Math.sin(phi)))));
        }
        Symmetries sym = new Symmetries(List.of(Symmetries.halfTurn(1, 0, 0, 0, height / 2, 0)),
                List.of(Symmetries.about(0, 1, 0, 0, 0, 0)));
        return new ProceduralModel("can", b.build("can").withLandmarks(Landmarks.of(points)), List.of("body"), sym, true);
    }

    /**
     * A sphere of radius 40 mm (latitude-longitude mesh, poles on the y axis). Landmarks: {@code top}
     * and {@code bottom}, the poles. Symmetries: any rotation about any axis through the centre.
     */
    public static ProceduralModel sphere() {
        float radius = 0.04f;
        MeshBuilder b = new MeshBuilder();
        Shapes.addSphere(b, radius, radius, 32, 16, 0);
        List<Landmark> points = List.of(new Landmark("top", new Vector3f(0, 2 * radius, 0)),
                new Landmark("bottom", new Vector3f(0, 0, 0)));
        Symmetries sym = new Symmetries(List.of(), List.of(Symmetries.about(1, 0, 0, 0, radius, 0),
                Symmetries.about(0, 1, 0, 0, radius, 0), Symmetries.about(0, 0, 1, 0, radius, 0)));
        return new ProceduralModel("sphere", b.build("sphere").withLandmarks(Landmarks.of(points)), List.of("body"), sym, false);
    }

    /**
     * A torus lying flat: ring radius 40 mm, tube radius 12 mm. Landmarks: {@code top_0},
     * {@code _90}, {@code _180}, {@code _270}, the highest points of the tube at those azimuths
     * (degrees from +x towards +z). Symmetries: any rotation about y; a half turn about x through the centre.
     */
    public static ProceduralModel torus() {
        float major = 0.04f;
        float minor = 0.012f;
        MeshBuilder b = new MeshBuilder();
        Shapes.addTorus(b, minor, major, minor, 48, 16, 0);
        List<Landmark> points = new ArrayList<>(4);
        for (int deg = 0; deg < 360; deg += 90) {
            double phi = Math.toRadians(deg);
            points.add(new Landmark("top_" + deg, new Vector3f((float) (major * Math.cos(phi)), 2 * minor,
                    (float) (major * Math.sin(phi)))));
        }
        Symmetries sym = new Symmetries(List.of(Symmetries.halfTurn(1, 0, 0, 0, minor, 0)),
                List.of(Symmetries.about(0, 1, 0, 0, 0, 0)));
        return new ProceduralModel("torus", b.build("torus").withLandmarks(Landmarks.of(points)), List.of("body"), sym, false);
    }
}
