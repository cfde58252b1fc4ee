package io.photonfarm.launcher;

/** Range checks for command-line values, with messages naming the option and the limit. */
final class Limits {
    private Limits() {
    }

    static void check(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be in " + min + ".." + max + ", was " + value);
        }
    }
}
