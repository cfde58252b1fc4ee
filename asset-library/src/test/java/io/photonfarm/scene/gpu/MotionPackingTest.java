package io.photonfarm.scene.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.MeshBuilder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class MotionPackingTest {
    private static Matrix4f velocity() {
        Matrix4f v = new Matrix4f().zero();
        v.m30(0.4f).m31(-0.2f); // translation per frame interval
        v.m00(0.05f).m20(-0.05f); // a little turn
        return v;
    }

    private static Scene scene(Material material, Instance instance) {
        MeshBuilder box = new MeshBuilder().addBox(new Vector3f(-0.1f, -0.1f, -0.1f), new Vector3f(0.1f, 0.1f, 0.1f), 0);
        return new Scene(List.of(box.build("box")), List.of(material), List.of(), List.of(instance), Optional.empty(),
                new Environment.Constant(Rgb.WHITE));
    }

    @Test
    void aMovingInstancesTlasBoxHoldsItsCornersAtEveryTimeOfTheLongestShutter() {
        Instance in = new Instance(0, new Matrix4f().translation(1, 2, 3), "box", "box").moving(velocity());
        PackedScene packed = ScenePacker.pack(scene(Material.diffuse("grey", new Rgb(0.5f, 0.5f, 0.5f)), in), 1);
        ByteBuffer nodes = packed.nodes();
        int root = packed.header().tlasRoot();
        float[] lo = {nodes.getFloat(root * 32), nodes.getFloat(root * 32 + 4), nodes.getFloat(root * 32 + 8)};
        float[] hi = {nodes.getFloat(root * 32 + 16), nodes.getFloat(root * 32 + 20), nodes.getFloat(root * 32 + 24)};
        for (int i = 0; i <= 20; i++) {
            float s = -0.5f + i / 20f;
            Matrix4f m = in.objectToWorldAt(s);
            for (int c = 0; c < 8; c++) {
                Vector3f p = m.transformPosition(new Vector3f((c & 1) == 0 ? -0.1f : 0.1f, (c & 2) == 0 ? -0.1f : 0.1f,
                        (c & 4) == 0 ? -0.1f : 0.1f));
                for (int a = 0; a < 3; a++) {
                    assertTrue(p.get(a) >= lo[a] - 1e-6f && p.get(a) <= hi[a] + 1e-6f, "corner " + c + " at time " + s);
                }
            }
        }
        // The box is wider than the still instance's along x by the 0.4 m it travels in one frame interval.
        assertTrue(hi[0] - lo[0] > 0.2f + 0.39f, "x extent " + (hi[0] - lo[0]));
    }

    @Test
    void aMovingInstanceCarriesItsVelocityRowsAndTheMovingFlag() {
        Instance in = new Instance(0, new Matrix4f(), "box", "box").moving(velocity());
        ByteBuffer inst = ScenePacker.pack(scene(Material.diffuse("grey", Rgb.WHITE), in), 1).instances();
        assertEquals(0.4f, inst.getFloat(96 + 12), "row 0's translation velocity");
        assertEquals(-0.2f, inst.getFloat(96 + 16 + 12), "row 1's translation velocity");
        assertEquals(0.05f, inst.getFloat(96), "row 0's linear velocity");
        assertEquals(GpuLayout.INSTANCE_MOVING, inst.getInt(160));
        ByteBuffer still = ScenePacker.pack(scene(Material.diffuse("grey", Rgb.WHITE), in.moving(null)), 1).instances();
        assertEquals(0, still.getInt(160));
        assertEquals(0f, still.getFloat(96 + 12));
    }

    @Test
    void aMovingEmitterIsRefusedBecauseLightSamplingCannotFollowIt() {
        Instance in = new Instance(0, new Matrix4f(), "lamp", "").moving(velocity());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenePacker.pack(scene(Material.emitter("lamp", Rgb.BLACK, Rgb.WHITE), in), 1));
        assertTrue(e.getMessage().contains("emitters must not move"), e.getMessage());
    }

    @Test
    void aVelocityThatCollapsesTheTransformWithinTheShutterIsRefused() {
        Matrix4f v = new Matrix4f().zero();
        v.m00(-2.5f); // x scale reaches 0 at s = 0.4
        assertThrows(IllegalArgumentException.class, () -> new Instance(0, new Matrix4f()).moving(v));
    }
}
