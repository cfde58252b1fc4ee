package io.photonfarm.node.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {
    private final List<Duration> waits = new ArrayList<>();
    private final Retrier retrier = new Retrier(new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)), waits::add,
            () -> 0.0, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final AtomicInteger attempts = new AtomicInteger();

    private static CoordinatorException.Unavailable away() {
        return new CoordinatorException.Unavailable("coordinator restarting", 503, null);
    }

    @Test
    void aCallIsRetriedWithGrowingCappedWaitsUntilTheCoordinatorAnswers() throws InterruptedException {
        String answer = retrier.call("claiming", () -> {
            if (attempts.incrementAndGet() < 5) {
                throw away();
            }
            return "work";
        }, () -> false);
        assertEquals("work", answer);
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(200)),
                waits);
        assertFalse(retrier.coordinatorAway());
    }

    @Test
    void answersOtherThanUnavailableAreNotRetried() {
        assertThrows(CoordinatorException.StaleLease.class, () -> retrier.call("uploading", () -> {
            attempts.incrementAndGet();
            throw new CoordinatorException.StaleLease("stale");
        }, () -> false));
        assertEquals(1, attempts.get());
        assertTrue(waits.isEmpty());
    }

    @Test
    void givingUpThrowsTheLastUnavailableAndTheOutageStaysKnown() {
        CoordinatorException.Unavailable e = assertThrows(CoordinatorException.Unavailable.class,
                () -> retrier.call("leaving", () -> {
                    throw away();
                }, () -> attempts.incrementAndGet() >= 3));
        assertEquals(503, e.status());
        assertEquals(2, waits.size());
        assertTrue(retrier.coordinatorAway());
    }
}
