package io.photonfarm.scene.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.CameraSpec;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class AutoCameraTest {
    /** Projects p with the camera's pinhole model to normalised image coordinates in [-1, 1] when visible. */
    static float[] project(CameraSpec c, Vector3f p, float aspect) {
        Vector3f forward = new Vector3f(c.lookAt()).sub(c.position()).normalize();
        Vector3f right = new Vector3f(forward).cross(c.up()).normalize();
        Vector3f up = new Vector3f(right).cross(forward);
        Vector3f d = new Vector3f(p).sub(c.position());
        float z = d.dot(forward);
        float tanHalf = (float) Math.tan(Math.toRadians(c.vfovDeg()) / 2);
        return new float[] {d.dot(right) / (z * tanHalf * aspect), d.dot(up) / (z * tanHalf), z};
    }

    @Test
    void everyCornerOfTheBoundsIsInFrameForWideTallAndSquareImages() {
        float[][] boxes = {{-1, -1, -1, 1, 1, 1}, {0, 0, 0, 10, 0.1f, 0.1f}, {-0.01f, 0, -0.01f, 0.01f, 3, 0.01f},
                {100, 200, 300, 101, 201, 301}};
        for (float aspect : new float[] {1f, 16f / 9f, 0.5f}) {
            for (float[] b : boxes) {
                CameraSpec c = AutoCamera.frame(b, aspect);
                for (int corner = 0; corner < 8; corner++) {
                    Vector3f p = new Vector3f((corner & 1) == 0 ? b[0] : b[3], (corner & 2) == 0 ? b[1] : b[4],
                            (corner & 4) == 0 ? b[2] : b[5]);
                    float[] uvz = project(c, p, aspect);
                    assertTrue(uvz[2] > 0 && Math.abs(uvz[0]) <= 1 && Math.abs(uvz[1]) <= 1,
                            "corner " + p + " at " + uvz[0] + ", " + uvz[1] + " (aspect " + aspect + ")");
                }
            }
        }
    }

    @Test
    void theSceneFillsAReasonablePartOfTheFrame() {
        float[] b = {-1, -1, -1, 1, 1, 1};
        CameraSpec c = AutoCamera.frame(b, 1f);
        float[] top = project(c, new Vector3f(0, (float) Math.sqrt(3), 0), 1f);
        assertTrue(top[1] > 0.5f, "the bounding sphere's top is in the upper half of the frame, not a speck: " + top[1]);
    }
}
