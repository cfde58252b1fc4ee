package io.photonfarm.launcher.process;

import java.time.Duration;

/** Polls a condition until it holds or a deadline passes; no fixed sleeps in the tests. */
final class Poll {
    /** A check that may call the API or read files. */
    @FunctionalInterface
    interface Check<T> {
        /** @return the value when the condition holds, or null to poll again */
        T get() throws Exception;
    }

    private Poll() {
    }

    /**
     * Polls {@code check} every {@code every} until it returns non-null.
     *
     * @param what  what is awaited, for the failure message ("job crash completed")
     * @param state what was last seen, appended to the failure message
     */
    static <T> T until(String what, Duration timeout, Duration every, Check<T> check, Check<String> state)
            throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            T value = check.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                String last;
                try {
                    last = state.get();
                } catch (Exception e) {
                    last = "(unknown: " + e + ")";
                }
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; last seen: " + last);
            }
            Thread.sleep(every.toMillis());
        }
    }
}
