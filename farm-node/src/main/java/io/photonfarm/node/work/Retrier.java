package io.photonfarm.node.work;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * Retries coordinator calls while the coordinator is away ({@link CoordinatorException.Unavailable}),
 * waiting by {@link Backoff}. Every other outcome goes straight back to the caller. It also tracks
 * outages across the node's threads, so an outage is logged once when it starts and once when it
 * ends, however many calls ran into it. Thread-safe.
 */
public final class Retrier {
    private static final System.Logger LOG = System.getLogger(Retrier.class.getName());

    /** Waits; {@code Thread::sleep} in production, a recorder in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** One attempt of a coordinator call. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws InterruptedException;
    }

    private final Backoff backoff;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Clock clock;
    private Instant outageSince;

    /** @param random uniform draws from [0, 1) for the jitter */
    public Retrier(Backoff backoff, Sleeper sleeper, DoubleSupplier random, Clock clock) {
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Runs {@code call} until it returns or throws anything but {@link CoordinatorException.Unavailable}.
     *
     * @param what   what is being done, for the log ("uploading unit job-1/0/3/0 epoch 2")
     * @param giveUp asked after each failed attempt; when true, the last {@code Unavailable} is thrown
     */
    public <T> T call(String what, Call<T> call, BooleanSupplier giveUp) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                T result = call.call();
                noteSuccess();
                return result;
            } catch (CoordinatorException.Unavailable e) {
                noteUnavailable(what, e);
                if (giveUp.getAsBoolean()) {
                    throw e;
                }
                sleeper.sleep(backoff.delay(attempt, random.getAsDouble()));
            }
        }
    }

    /** Records a failed call made without retrying (periodic calls simply try again on their next tick). */
    public synchronized void noteUnavailable(String what, CoordinatorException.Unavailable e) {
        if (outageSince == null) {
            outageSince = clock.instant();
            LOG.log(Level.WARNING, "coordinator away: {0}; retrying with backoff until it is back", e.getMessage());
        }
    }

    /** Records a call that got an answer, ending any outage. */
    public synchronized void noteSuccess() {
        if (outageSince != null) {
            LOG.log(Level.INFO, "coordinator back after {0} ms", Duration.between(outageSince, clock.instant()).toMillis());
            outageSince = null;
        }
    }

    /** Whether the last call anyone made found the coordinator away. */
    public synchronized boolean coordinatorAway() {
        return outageSince != null;
    }
}
