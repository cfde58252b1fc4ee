package io.photonfarm.api.camera;

import io.photonfarm.api.job.JobSpecException.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Field checks the sensor profile's stages share. Each adds one {@link Violation} naming the field
 * path, the value given and the allowed range in words; a null (absent) value always passes, since
 * absent fields take their documented defaults.
 */
final class SensorChecks {
    private SensorChecks() {
    }

    /** {@code value} must lie in [min, max] and be finite. */
    static void range(List<Violation> bad, String field, Double value, double min, double max) {
        if (value != null && !(Double.isFinite(value) && value >= min && value <= max)) {
            bad.add(new Violation(field, value.toString(), fmt(min) + ".." + fmt(max)));
        }
    }

    /** {@code value} must lie in (min, max] and be finite: for quantities that must be positive. */
    static void positive(List<Violation> bad, String field, Double value, double max) {
        if (value != null && !(Double.isFinite(value) && value > 0 && value <= max)) {
            bad.add(new Violation(field, value.toString(), "greater than 0, at most " + fmt(max)));
        }
    }

    static void range(List<Violation> bad, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            bad.add(new Violation(field, value.toString(), min + ".." + max));
        }
    }

    static void oneOf(List<Violation> bad, String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            bad.add(new Violation(field, value, "one of " + String.join(", ", allowed.stream().sorted().toList())));
        }
    }

    /** A field that may only be given in some mode: {@code when} says which, in words. */
    static void absent(List<Violation> bad, String field, Object value, String when) {
        if (value != null) {
            bad.add(new Violation(field, value.toString(), "absent " + when));
        }
    }

    static void required(List<Violation> bad, String field, Object value, String what) {
        if (value == null) {
            bad.add(new Violation(field, "null", what));
        }
    }

    /**
     * A list of exactly {@code size} finite numbers, each in [min, max].
     *
     * @return whether the list is usable (absent counts as usable)
     */
    static boolean numbers(List<Violation> bad, String field, List<Double> values, int size, double min, double max) {
        if (values == null) {
            return true;
        }
        if (values.size() != size) {
            bad.add(new Violation(field, values.toString(), size + " numbers"));
            return false;
        }
        boolean ok = true;
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null || !Double.isFinite(v) || v < min || v > max) {
                bad.add(new Violation(field + "[" + i + "]", String.valueOf(v), fmt(min) + ".." + fmt(max)));
                ok = false;
            }
        }
        return ok;
    }

    /** The determinant of a 3x3 matrix given row-major. */
    static double determinant(List<Double> m) {
        return m.get(0) * (m.get(4) * m.get(8) - m.get(5) * m.get(7))
                - m.get(1) * (m.get(3) * m.get(8) - m.get(5) * m.get(6))
                + m.get(2) * (m.get(3) * m.get(7) - m.get(4) * m.get(6));
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
