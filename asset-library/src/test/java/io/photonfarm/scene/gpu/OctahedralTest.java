package io.photonfarm.scene.gpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OctahedralTest {
    @Test
    void unitVectorsSurviveEncodingWithinATenThousandthOfARadian() {
        Random r = new Random(1);
        float[][] special = {{0, 0, 1}, {0, 0, -1}, {1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {1, 1, -1}};
        for (int i = 0; i < 20000; i++) {
            float[] v = i < special.length ? special[i]
                    : new float[] {(float) r.nextGaussian(), (float) r.nextGaussian(), (float) r.nextGaussian()};
            float[] d = Octahedral.decode(Octahedral.encode(v[0], v[1], v[2]));
            // atan2(|a x b|, a . b) in doubles: acos of a float dot product cannot resolve 1e-4 rad.
            double cx = (double) d[1] * v[2] - (double) d[2] * v[1];
            double cy = (double) d[2] * v[0] - (double) d[0] * v[2];
            double cz = (double) d[0] * v[1] - (double) d[1] * v[0];
            double dot = (double) d[0] * v[0] + (double) d[1] * v[1] + (double) d[2] * v[2];
            double angle = Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), dot);
            assertTrue(angle < 1e-4, "angle " + angle + " for " + v[0] + "," + v[1] + "," + v[2]);
        }
    }
}
