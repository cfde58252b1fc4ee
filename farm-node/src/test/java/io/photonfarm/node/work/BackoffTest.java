package io.photonfarm.node.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void waitsDoubleFromTheInitialWaitUpToTheCap() {
        // A draw of 1.0 (the top of the jitter range) gives the nominal wait itself.
        assertEquals(Duration.ofMillis(100), backoff.delay(0, 1.0));
        assertEquals(Duration.ofMillis(200), backoff.delay(1, 1.0));
        assertEquals(Duration.ofMillis(800), backoff.delay(3, 1.0));
        assertEquals(Duration.ofSeconds(2), backoff.delay(5, 1.0));
        assertEquals(Duration.ofSeconds(2), backoff.delay(1_000, 1.0));
    }

    @Test
    void jitterDrawsBetweenHalfAndAllOfTheNominalWait() {
        assertEquals(Duration.ofMillis(50), backoff.delay(0, 0.0));
        assertEquals(Duration.ofMillis(75), backoff.delay(0, 0.5));
        assertEquals(Duration.ofSeconds(1), backoff.delay(40, 0.0));
        for (double r = 0; r < 1; r += 0.01) {
            Duration d = backoff.delay(2, r);
            assertTrue(d.compareTo(Duration.ofMillis(200)) >= 0 && d.compareTo(Duration.ofMillis(400)) <= 0, d.toString());
        }
    }

    @Test
    void aCapBelowTheInitialWaitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
