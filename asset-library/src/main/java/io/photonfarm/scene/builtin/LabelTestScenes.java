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
import java.util.List;
import java.util.Optional;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/**
 * Tiny scenes with known geometry for testing labels against closed forms: small enough to render on
 * a CPU Vulkan driver at 64x64 to 128x128 pixels. Lit by a uniform environment only; every pose is
 * stated in the method's documentation, and the ones a test needs are public constants or methods.
 */
public final class LabelTestScenes {
    /** Half the side of the panel of {@link #planeAndSphere()}, metres (object space: |x|, |y| <= this at z = 0, facing +z). */
    public static final float PANEL_HALF_SIZE = 0.9f;
    /** Radius of the ball of {@link #planeAndSphere()} in the world, metres: its unit icosphere scaled by this. */
    public static final float BALL_RADIUS = 0.45f;

    private LabelTestScenes() {
    }

    /** The panel's instance transform: 0.8 m behind the origin, turned 30 degrees about +y (a new matrix). */
    public static Matrix4f panelPose() {
        return new Matrix4f().translate(0f, 0f, -0.8f).rotateY((float) Math.toRadians(30));
    }

    /** The ball's centre in the world, metres (a new vector). */
    public static Vector3f ballCentre() {
        return new Vector3f(0.25f, 0.05f, 0.3f);
    }

    /** The ball's instance transform: at {@link #ballCentre()}, rotated 0.6 rad about (1, 1, 0), uniformly scaled by {@link #BALL_RADIUS}. */
    public static Matrix4f ballPose() {
        return new Matrix4f().translate(ballCentre()).rotate(0.6f, new Vector3f(1, 1, 0).normalize()).scale(BALL_RADIUS);
    }

    /** The occluder's centre in {@link #landmarks()}: on the ray from the camera to the crate's "front_top_left", in the plane z = 2 m. */
    public static Vector3f occluderCentre() {
        return new Vector3f(-0.5f, 0.5f, 0.5f).sub(0f, 0f, 4f).mul(2f / 3.5f).add(0f, 0f, 4f);
    }

    /**
     * A flat "panel" (one quad, 2 triangles, category "panel", instance 0 at {@link #panelPose()}) and
     * a geodesic "ball" (unit icosphere of 5120 triangles, category "ball", instance 1 at
     * {@link #ballPose()}) in front of it, which hides part of the panel. Camera: pinhole at
     * (0, 0.4, 3.2) looking at the origin, y up, 45 degrees vertical field of view. The whole panel
     * and ball are in view at any square resolution.
     */
    public static Scene planeAndSphere() {
        float h = PANEL_HALF_SIZE;
        Mesh panel = new MeshBuilder().addQuadFacing(new Vector3f(-h, -h, 0), new Vector3f(h, -h, 0),
                new Vector3f(h, h, 0), new Vector3f(-h, h, 0), new Vector3f(0, 0, 1), 0).build("panel");
        Mesh ball = new MeshBuilder().addIcosphere(new Vector3f(), 1f, 4, 1).build("ball");
        List<Instance> instances = List.of(new Instance(0, panelPose(), "panel", "panel"),
                new Instance(1, ballPose(), "ball", "ball"));
        CameraSpec camera = CameraSpec.pinhole(new Vector3f(0f, 0.4f, 3.2f), new Vector3f(), 45f);
        return new Scene(List.of(panel, ball), List.of(Material.diffuse("panel", new Rgb(0.6f, 0.6f, 0.6f)),
                Material.diffuse("ball", new Rgb(0.7f, 0.2f, 0.1f))), List.of(), instances, Optional.of(camera),
                new Environment.Constant(Rgb.WHITE));
    }

    /**
     * A "crate" (the cube |x|, |y|, |z| <= 0.5 m at the origin, 12 triangles, category "crate",
     * instance 0, identity pose) and an "occluder" (a 0.2 m cube, category "occluder", instance 1,
     * centred at {@link #occluderCentre()}). Camera: pinhole at (0, 0, 4) looking at the origin, y up,
     * 40 degrees vertical field of view. The crate's landmarks and what a ray test decides for each:
     * <ul>
     *   <li>"front_centre" (0, 0, 0.5), on the face towards the camera: visible;</li>
     *   <li>"back_centre" (0, 0, -0.5), on the far face: self-occluded;</li>
     *   <li>"front_top_left" (-0.5, 0.5, 0.5), a corner the occluder hides: occluded;</li>
     *   <li>"off_image" (3, 0, 0), in front of the camera but outside the image: out of frame;</li>
     *   <li>"behind_camera" (0, 0, 5), behind the camera (no projection): out of frame.</li>
     * </ul>
     * The skeleton joins front_centre to back_centre and front_top_left.
     */
    public static Scene landmarks() {
        Landmarks points = new Landmarks(List.of(
                new Landmark("front_centre", new Vector3f(0f, 0f, 0.5f)),
                new Landmark("back_centre", new Vector3f(0f, 0f, -0.5f)),
                new Landmark("front_top_left", new Vector3f(-0.5f, 0.5f, 0.5f)),
                new Landmark("off_image", new Vector3f(3f, 0f, 0f)),
                new Landmark("behind_camera", new Vector3f(0f, 0f, 5f))),
                List.of(new Landmarks.Bone(0, 1), new Landmarks.Bone(0, 2)));
        Mesh crate = new MeshBuilder().addBox(new Vector3f(-0.5f), new Vector3f(0.5f), 0).build("crate")
                .withLandmarks(points);
        Mesh occluder = new MeshBuilder().addBox(new Vector3f(-0.1f), new Vector3f(0.1f), 1).build("occluder");
        List<Instance> instances = List.of(new Instance(0, new Matrix4f(), "crate", "crate"),
                new Instance(1, new Matrix4f().translate(occluderCentre()), "occluder", "occluder"));
        CameraSpec camera = CameraSpec.pinhole(new Vector3f(0f, 0f, 4f), new Vector3f(), 40f);
        return new Scene(List.of(crate, occluder), List.of(Material.diffuse("crate", new Rgb(0.6f, 0.5f, 0.3f)),
                Material.diffuse("occluder", new Rgb(0.2f, 0.3f, 0.6f))), List.of(), instances, Optional.of(camera),
                new Environment.Constant(Rgb.WHITE));
    }
}
