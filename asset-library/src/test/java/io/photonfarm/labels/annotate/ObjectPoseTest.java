package io.photonfarm.labels.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.labels.PinholeCalibration;
import org.joml.Matrix4d;
import org.joml.Matrix4f;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

class ObjectPoseTest {
    private final PinholeCalibration cal = PinholeCalibration.of(
            new CameraPose(new Vec3(1, 2, 5), new Vec3(0, 0.5, 0), new Vec3(0, 1, 0), 50, 0, 0), 64, 48);

    /** L X + t equals the world transform followed by the calibration's extrinsics. */
    private void assertMapsLikeTheWorldTransform(ObjectPose pose, Matrix4f objectToWorld) {
        Matrix4d m = new Matrix4d(objectToWorld);
        for (double[] x : new double[][] {{0, 0, 0}, {1, 0, 0}, {0.3, -0.7, 0.2}, {-1, 2, 0.5}}) {
            Vector3d w = m.transformPosition(new Vector3d(x[0], x[1], x[2]));
            Vec3 expected = cal.toCamera(new Vec3(w.x, w.y, w.z));
            double[] got = pose.toCamera(x[0], x[1], x[2]);
            assertEquals(expected.x(), got[0], 1e-12);
            assertEquals(expected.y(), got[1], 1e-12);
            assertEquals(expected.z(), got[2], 1e-12);
        }
    }

    /** rotation * diag(scale) == L entry by entry. */
    private static void assertFactorsExactly(ObjectPose pose) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(pose.linear()[i][j], pose.rotation()[i][j] * pose.scale()[j], 1e-12, "L[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void aRotatedNonUniformlyScaledTransformFactorsIntoRotationAndScale() {
        Matrix4f m = new Matrix4f().translate(0.5f, -1, 2).rotateXYZ(0.3f, -1.1f, 0.7f).scale(2, 0.5f, 1.25f);
        ObjectPose pose = ObjectPose.of(cal, m);
        assertFalse(pose.sheared());
        FrameAnnotatorTest.assertRotation(pose.rotation());
        assertEquals(2, pose.scale()[0], 1e-6);
        assertEquals(0.5, pose.scale()[1], 1e-6);
        assertEquals(1.25, pose.scale()[2], 1e-6);
        assertFactorsExactly(pose);
        assertMapsLikeTheWorldTransform(pose, m);
    }

    @Test
    void aMirrorNegatesEveryScaleFactorSoTheRotationStaysProper() {
        Matrix4f m = new Matrix4f().rotateY(0.4f).scale(-1, 1, 2);
        ObjectPose pose = ObjectPose.of(cal, m);
        FrameAnnotatorTest.assertRotation(pose.rotation());
        assertEquals(-1, pose.scale()[0], 1e-6);
        assertEquals(-1, pose.scale()[1], 1e-6);
        assertEquals(-2, pose.scale()[2], 1e-6);
        assertFactorsExactly(pose);
        assertMapsLikeTheWorldTransform(pose, m);
    }

    @Test
    void aShearedTransformGetsTheNearestRotationAndKeepsItsFullMapForPoints() {
        Matrix4f shear = new Matrix4f().m10(0.5f); // x' = x + 0.5 y
        Matrix4f m = new Matrix4f().rotateZ(0.2f).mul(shear);
        ObjectPose pose = ObjectPose.of(cal, m);
        assertTrue(pose.sheared());
        FrameAnnotatorTest.assertRotation(pose.rotation());
        assertEquals(1, pose.scale()[0], 1e-6);
        assertEquals(Math.sqrt(1.25), pose.scale()[1], 1e-6);
        assertMapsLikeTheWorldTransform(pose, m);
    }
}
