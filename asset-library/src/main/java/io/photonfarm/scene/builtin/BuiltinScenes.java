package io.photonfarm.scene.builtin;

import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Landmark;
import io.photonfarm.scene.Landmarks;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/** Scenes built in code: references (Cornell box, white furnace) and load tests (heavy, many instances). */
public final class BuiltinScenes {
    private static final float MM = 0.001f;

    /** How a job or command names a built-in scene: {@code builtin:NAME}. */
    public static final String PREFIX = "builtin:";

    private static final Map<String, Supplier<Scene>> BY_NAME = Map.of(
            "cornell-box", BuiltinScenes::cornellBox,
            "furnace", () -> whiteFurnace(Rgb.WHITE.scale(0.5f)),
            "heavy", () -> heavy(1_000_000),
            "instances", () -> manyInstances(10_000));

    private BuiltinScenes() {
    }

    /** The names {@link #byName} knows, sorted. */
    public static SortedSet<String> names() {
        return new TreeSet<>(BY_NAME.keySet());
    }

    /**
     * Builds the built-in scene called {@code name} (without the {@link #PREFIX}). Each call builds a
     * new scene; the same name always gives the same scene.
     */
    public static Optional<Scene> byName(String name) {
        Supplier<Scene> s = BY_NAME.get(name);
        return s == null ? Optional.empty() : Optional.of(s.get());
    }

    /**
     * The Cornell box as measured by the Cornell Program of Computer Graphics ("Cornell Box Data"),
     * millimetres converted to metres. Four meshes, one identity instance each (room, light, short
     * block, tall block). Wall and ceiling front faces look into the box, block faces outwards, the
     * light (0.1 mm below the ceiling) faces -y. Seen from the camera, +x is on the left: the red wall
     * (x ~ 0.55 m) is on the left as in the photographs.
     *
     * <p>Labels: the room and the light are scenery; the blocks are objects of category "box" named
     * "short_block" and "tall_block", each with 9 landmarks and the 12 edges of the block as its
     * skeleton (see {@link #block}).
     */
    public static Scene cornellBox() {
        List<Material> materials = List.of(
                Material.diffuse("white", new Rgb(0.725f, 0.71f, 0.68f)),
                Material.diffuse("red", new Rgb(0.63f, 0.065f, 0.05f)),
                Material.diffuse("green", new Rgb(0.14f, 0.45f, 0.091f)),
                Material.emitter("light", new Rgb(0.78f, 0.78f, 0.78f), new Rgb(17f, 12f, 4f)));
        int white = 0;
        int red = 1;
        int green = 2;
        int light = 3;
        Vector3f inside = mm(278f, 274.4f, 279.6f);

        MeshBuilder room = new MeshBuilder();
        quadFacingPoint(room, inside, white, 552.8f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 559.2f, 549.6f, 0f, 559.2f);
        quadFacingPoint(room, inside, white, 556f, 548.8f, 0f, 556f, 548.8f, 559.2f, 0f, 548.8f, 559.2f, 0f, 548.8f, 0f);
        quadFacingPoint(room, inside, white, 549.6f, 0f, 559.2f, 0f, 0f, 559.2f, 0f, 548.8f, 559.2f, 556f, 548.8f, 559.2f);
        quadFacingPoint(room, inside, green, 0f, 0f, 559.2f, 0f, 0f, 0f, 0f, 548.8f, 0f, 0f, 548.8f, 559.2f);
        quadFacingPoint(room, inside, red, 552.8f, 0f, 0f, 549.6f, 0f, 559.2f, 556f, 548.8f, 559.2f, 556f, 548.8f, 0f);

        MeshBuilder lamp = new MeshBuilder();
        float ly = 548.8f - 0.1f;
        lamp.addQuadFacing(mm(343f, ly, 227f), mm(343f, ly, 332f), mm(213f, ly, 332f), mm(213f, ly, 227f),
                new Vector3f(0, -1, 0), light);

        MeshBuilder shortBlock = new MeshBuilder();
        Landmarks shortCorners = block(shortBlock, white, 165f, 130f, 65f, 82f, 225f, 240f, 272f, 290f, 114f);
        MeshBuilder tallBlock = new MeshBuilder();
        Landmarks tallCorners = block(tallBlock, white, 330f, 423f, 247f, 265f, 296f, 314f, 456f, 472f, 406f);

        List<Mesh> meshes = List.of(room.build("room"), lamp.build("light"),
                shortBlock.build("short block").withLandmarks(shortCorners),
                tallBlock.build("tall block").withLandmarks(tallCorners));
        List<Instance> instances = List.of(Instance.identity(0), Instance.identity(1),
                Instance.identity(2).labelled("short_block", "box"), Instance.identity(3).labelled("tall_block", "box"));
        CameraSpec camera = new CameraSpec(new Vector3f(0.278f, 0.273f, -0.800f), new Vector3f(0.278f, 0.273f, 0f),
                new Vector3f(0, 1, 0), 39.3077f, 0f, 0f);
        return new Scene(meshes, materials, List.of(), instances, Optional.of(camera), Environment.black());
    }

    /**
     * A white diffuse (albedo 1, roughness 1) unit icosphere at the origin under a uniform environment:
     * a converged render of it shows exactly {@code environment} everywhere (the furnace test).
     */
    public static Scene whiteFurnace(Rgb environment) {
        Mesh sphere = new MeshBuilder().addIcosphere(new Vector3f(), 1f, 4, 0).build("sphere");
        CameraSpec camera = CameraSpec.pinhole(new Vector3f(0, 0, 4f), new Vector3f(), 40f);
        return new Scene(List.of(sphere), List.of(Material.diffuse("white", Rgb.WHITE)), List.of(),
                List.of(Instance.identity(0)), Optional.of(camera), new Environment.Constant(environment));
    }

    /**
     * One terrain mesh of about {@code targetTriangles} triangles (a 20 m x 20 m heightfield of summed
     * sines), a ground quad below it, an emissive quad light above, and a camera looking down on it.
     */
    public static Scene heavy(int targetTriangles) {
        int cells = Math.max(1, (int) Math.round(Math.sqrt(targetTriangles / 2.0)));
        MeshBuilder terrain = new MeshBuilder().addHeightfield(-10f, -10f, 20f, 20f, cells, cells,
                (x, z) -> (float) (0.8 * Math.sin(0.45 * x) * Math.cos(0.35 * z) + 0.25 * Math.sin(1.7 * x + 0.6 * z)
                        + 0.08 * Math.sin(5.1 * x) * Math.sin(4.3 * z) + 1.2), 0);
        MeshBuilder ground = new MeshBuilder().addGrid(-30f, -30f, 0f, 60f, 60f, 1, 1, 1);
        MeshBuilder light = lightQuad(8f, 4f, 2);
        List<Material> materials = List.of(Material.diffuse("terrain", new Rgb(0.45f, 0.4f, 0.3f)),
                Material.diffuse("ground", new Rgb(0.5f, 0.5f, 0.5f)),
                Material.emitter("light", new Rgb(0.78f, 0.78f, 0.78f), new Rgb(20f, 20f, 18f)));
        CameraSpec camera = CameraSpec.pinhole(new Vector3f(0f, 9f, 16f), new Vector3f(0f, 0.5f, 0f), 50f);
        return new Scene(List.of(terrain.build("terrain"), ground.build("ground"), light.build("light")),
                materials, List.of(), List.of(Instance.identity(0), Instance.identity(1), Instance.identity(2)),
                Optional.of(camera), Environment.black());
    }

    /**
     * {@code count} instances of one small icosphere (80 triangles) on a square grid with 1 m spacing,
     * each rotated and non-uniformly scaled by a fixed pseudo-random sequence, plus a ground quad and
     * a light quad (instances {@code count} and {@code count + 1}). The pebbles are objects of category
     * "pebble" (named "pebble_ID" by their labels); ground and light are scenery.
     */
    public static Scene manyInstances(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("instance count must be >= 0, was " + count);
        }
        int side = Math.max(1, (int) Math.ceil(Math.sqrt(count)));
        float half = side * 0.5f;
        Mesh pebble = new MeshBuilder().addIcosphere(new Vector3f(), 0.35f, 1, 0).build("pebble");
        Mesh ground = new MeshBuilder().addGrid(-half - 2, -half - 2, 0f, side + 4f, side + 4f, 1, 1, 1).build("ground");
        Mesh light = lightQuad(half + 4f, Math.max(1f, half), 2).build("light");
        SplittableRandom random = new SplittableRandom(20_240_601L);
        List<Instance> instances = new ArrayList<>(count + 2);
        for (int i = 0; i < count; i++) {
            float x = (i % side) - half + 0.5f;
            float z = (i / side) - half + 0.5f;
            Vector3f axis = new Vector3f((float) random.nextDouble(-1, 1), (float) random.nextDouble(-1, 1),
                    (float) random.nextDouble(-1, 1));
            if (axis.lengthSquared() < 1e-4f) {
                axis.set(0, 1, 0);
            }
            axis.normalize();
            Matrix4f m = new Matrix4f().translate(x, 0.4f, z)
                    .rotate((float) random.nextDouble(0, 2 * Math.PI), axis)
                    .scale((float) random.nextDouble(0.5, 1.2), (float) random.nextDouble(0.5, 1.2),
                            (float) random.nextDouble(0.5, 1.2));
            instances.add(new Instance(0, m, "", "pebble"));
        }
        instances.add(Instance.identity(1));
        instances.add(Instance.identity(2));
        List<Material> materials = List.of(Material.diffuse("pebble", new Rgb(0.6f, 0.55f, 0.5f)),
                Material.diffuse("ground", new Rgb(0.4f, 0.4f, 0.4f)),
                Material.emitter("light", new Rgb(0.78f, 0.78f, 0.78f), new Rgb(15f, 15f, 15f)));
        CameraSpec camera = CameraSpec.pinhole(new Vector3f(0f, 0.6f * side + 2f, 0.8f * side + 2f),
                new Vector3f(0f, 0f, 0f), 50f);
        return new Scene(List.of(pebble, ground, light), materials, List.of(), instances, Optional.of(camera),
                Environment.black());
    }

    /** A square light of side {@code size} centred above the origin at height {@code y}, facing -y. */
    private static MeshBuilder lightQuad(float y, float size, int material) {
        float h = size / 2;
        return new MeshBuilder().addQuadFacing(new Vector3f(-h, y, -h), new Vector3f(h, y, -h),
                new Vector3f(h, y, h), new Vector3f(-h, y, h), new Vector3f(0, -1, 0), material);
    }

    private static Vector3f mm(float x, float y, float z) {
        return new Vector3f(x * MM, y * MM, z * MM);
    }

    /** A quad from 12 millimetre coordinates, wound to face the point {@code towards} (metres). */
    private static void quadFacingPoint(MeshBuilder b, Vector3f towards, int material, float... c) {
        Vector3f[] p = new Vector3f[4];
        Vector3f centre = new Vector3f();
        for (int k = 0; k < 4; k++) {
            p[k] = mm(c[3 * k], c[3 * k + 1], c[3 * k + 2]);
            centre.add(p[k]);
        }
        centre.mul(0.25f);
        b.addQuadFacing(p[0], p[1], p[2], p[3], new Vector3f(towards).sub(centre), material);
    }

    /**
     * A block from its height and the 4 (x, z) corners of its top, in millimetres, in loop order: the
     * top and 4 sides (no bottom) with outward front faces.
     *
     * <p>Returns its landmarks, named in the block's own axes: x along the first top edge (corner 0
     * to 1), y up, z along the last (corner 0 to 3). "corner_XYZ" is the corner at the far end of
     * each axis whose digit is 1 (so "corner_010" is the first top corner, "corner_100" the bottom
     * of the second); the 8 corners come in the order of {@code ObjectAnnotation.box3d} (index
     * k = x + 2y + 4z), then "top_centre", the mean of the top corners. The skeleton is the 12 edges,
     * joining corners that differ in one digit. Landmarks are the mesh's own vertex positions.
     */
    private static Landmarks block(MeshBuilder b, int material, float height, float... xz) {
        Vector3f centre = mm((xz[0] + xz[2] + xz[4] + xz[6]) / 4, height / 2, (xz[1] + xz[3] + xz[5] + xz[7]) / 4);
        Vector3f[] top = new Vector3f[4];
        Vector3f[] bottom = new Vector3f[4];
        for (int k = 0; k < 4; k++) {
            top[k] = mm(xz[2 * k], height, xz[2 * k + 1]);
            bottom[k] = mm(xz[2 * k], 0f, xz[2 * k + 1]);
        }
        b.addQuadFacing(top[0], top[1], top[2], top[3], new Vector3f(0, 1, 0), material);
        for (int k = 0; k < 4; k++) {
            int l = (k + 1) % 4;
            Vector3f faceCentre = new Vector3f(top[k]).add(top[l]).add(bottom[k]).add(bottom[l]).mul(0.25f);
            b.addQuadFacing(bottom[k], bottom[l], top[l], top[k], faceCentre.sub(centre), material);
        }
        // Top loop position of the corner with x digit i and z digit j: (0,0) -> 0, (1,0) -> 1, (1,1) -> 2, (0,1) -> 3.
        int[][] loop = {{0, 3}, {1, 2}};
        List<Landmark> points = new ArrayList<>(9);
        for (int k = 0; k < 8; k++) {
            int x = k & 1;
            int y = (k >> 1) & 1;
            int z = (k >> 2) & 1;
            Vector3f p = (y == 1 ? top : bottom)[loop[x][z]];
            points.add(new Landmark("corner_" + x + y + z, p));
        }
        Vector3f topCentre = new Vector3f(top[0]).add(top[1]).add(top[2]).add(top[3]).mul(0.25f);
        points.add(new Landmark("top_centre", topCentre));
        List<Landmarks.Bone> edges = new ArrayList<>(12);
        for (int k = 0; k < 8; k++) {
            for (int bit = 1; bit < 8; bit <<= 1) {
                if ((k & bit) == 0) {
                    edges.add(new Landmarks.Bone(k, k | bit));
                }
            }
        }
        return new Landmarks(points, edges);
    }
}
