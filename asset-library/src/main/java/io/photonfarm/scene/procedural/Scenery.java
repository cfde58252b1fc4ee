package io.photonfarm.scene.procedural;

import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.builtin.MeshBuilder;
import org.joml.Vector3f;

/**
 * Built-in scenery objects (no class; they are never annotated): a ground plane and a table. Both
 * sit in world space as built (metres, y up), each with the rectangle objects may be placed on.
 */
public final class Scenery {
    /** Height of the table's top surface above the ground, metres. */
    public static final float TABLE_HEIGHT = 0.75f;
    /** Half the table top's extent along x, metres. */
    public static final float TABLE_HALF_X = 0.6f;
    /** Half the table top's extent along z, metres. */
    public static final float TABLE_HALF_Z = 0.4f;
    private static final float TABLE_THICKNESS = 0.03f;
    private static final float LEG = 0.05f;

    /**
     * A horizontal rectangle objects rest on: centred at (centreX, height, centreZ), world space, metres.
     *
     * @param halfX half its extent along x
     * @param halfZ half its extent along z
     */
    public record SupportSurface(float centreX, float height, float centreZ, float halfX, float halfZ) {
        public SupportSurface {
            if (!(halfX > 0) || !(halfZ > 0)) {
                throw new IllegalArgumentException("support surface extents must be > 0: " + halfX + ", " + halfZ);
            }
        }
    }

    private Scenery() {
    }

    /** A square ground plane of side {@code size} metres at y = 0, facing +y, uvs repeating once per metre. */
    public static Mesh ground(float size, int material) {
        MeshBuilder b = new MeshBuilder().addGrid(-size / 2, -size / 2, 0f, size, size, 1, 1, material);
        Mesh m = b.build("ground");
        float[] uvs = m.uvs().clone();
        for (int i = 0; i < uvs.length; i++) {
            uvs[i] *= size;
        }
        return new Mesh("ground", m.positions(), m.normals(), uvs, null, m.indices(), m.triangleMaterials());
    }

    /** The part of the ground objects are placed on by default: a square of side {@code size} around the origin. */
    public static SupportSurface groundSurface(float size) {
        return new SupportSurface(0, 0, 0, size / 2, size / 2);
    }

    /**
     * A table: a 1.2 x 0.8 m top, 30 mm thick, whose upper face is at {@link #TABLE_HEIGHT}, on four
     * legs; top in material {@code topMaterial}, legs in {@code legMaterial}. Every part is a closed box.
     */
    public static Mesh table(int topMaterial, int legMaterial) {
        MeshBuilder b = new MeshBuilder();
        b.addBox(new Vector3f(-TABLE_HALF_X, TABLE_HEIGHT - TABLE_THICKNESS, -TABLE_HALF_Z),
                new Vector3f(TABLE_HALF_X, TABLE_HEIGHT, TABLE_HALF_Z), topMaterial);
        float lx = TABLE_HALF_X - 0.05f;
        float lz = TABLE_HALF_Z - 0.05f;
        for (int sx = -1; sx <= 1; sx += 2) {
            for (int sz = -1; sz <= 1; sz += 2) {
                b.addBox(new Vector3f(sx * lx - LEG / 2, 0, sz * lz - LEG / 2),
                        new Vector3f(sx * lx + LEG / 2, TABLE_HEIGHT - TABLE_THICKNESS, sz * lz + LEG / 2), legMaterial);
            }
        }
        return b.build("table");
    }

    /** The table top, less a margin of {@code margin} metres on every side. */
    public static SupportSurface tableSurface(float margin) {
        return new SupportSurface(0, TABLE_HEIGHT, 0, TABLE_HALF_X - margin, TABLE_HALF_Z - margin);
    }
}
