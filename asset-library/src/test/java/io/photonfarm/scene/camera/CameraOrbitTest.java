package io.photonfarm.scene.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.CameraSpec;
import java.util.HashSet;
import java.util.Set;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class CameraOrbitTest {
    private static final CameraSpec BASE = CameraSpec.pinhole(new Vector3f(0, 1, 5), new Vector3f(0, 1, 0), 40);

    @Test
    void aFramesPoseDependsOnlyOnSeedAndFrame() {
        CameraOrbit orbit = CameraOrbit.DEFAULT;
        for (int frame = 0; frame < 50; frame++) {
            CameraSpec a = orbit.poseOf(BASE, 42, frame);
            CameraSpec b = new CameraOrbit(25, 10, 1.1).poseOf(BASE, 42, frame);
            assertEquals(a.position(), b.position(), "frame " + frame);
        }
    }

    @Test
    void framesAndSeedsGetDifferentPoses() {
        Set<Vector3f> seen = new HashSet<>();
        for (int frame = 0; frame < 100; frame++) {
            seen.add(new Vector3f(CameraOrbit.DEFAULT.poseOf(BASE, 7, frame).position()));
        }
        assertEquals(100, seen.size());
        assertNotEquals(CameraOrbit.DEFAULT.poseOf(BASE, 7, 3).position(), CameraOrbit.DEFAULT.poseOf(BASE, 8, 3).position());
    }

    @Test
    void posesStayWithinTheOrbitAndKeepLookingAtTheTarget() {
        for (int frame = 0; frame < 1_000; frame++) {
            CameraSpec pose = CameraOrbit.DEFAULT.poseOf(BASE, 1, frame);
            assertEquals(BASE.lookAt(), pose.lookAt());
            Vector3f offset = new Vector3f(pose.position()).sub(pose.lookAt());
            double distance = offset.length();
            assertTrue(distance >= 5 / 1.1 - 1e-4 && distance <= 5 * 1.1 + 1e-4, "distance " + distance);
            double azimuth = Math.toDegrees(Math.atan2(offset.x, offset.z));
            assertTrue(Math.abs(azimuth) <= 25 + 1e-3, "azimuth " + azimuth);
            double elevation = Math.toDegrees(Math.asin(offset.y / distance));
            assertTrue(Math.abs(elevation) <= 10 + 1e-3, "elevation " + elevation);
            assertEquals(BASE.vfovDeg(), pose.vfovDeg());
        }
    }

    @Test
    void theFixedOrbitKeepsTheBaseCamera() {
        CameraSpec pose = CameraOrbit.FIXED.poseOf(BASE, 99, 12);
        assertTrue(pose.position().distance(BASE.position()) < 1e-5f, "moved to " + pose.position());
    }

    @Test
    void outOfRangeSettingsAreRefusedWithTheirValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CameraOrbit(200, 0, 1));
        assertTrue(e.getMessage().contains("azimuth 200.0"), e.getMessage());
    }
}
