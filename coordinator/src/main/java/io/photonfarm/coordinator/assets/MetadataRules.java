package io.photonfarm.coordinator.assets;

import io.photonfarm.api.asset.AssetLandmark;
import io.photonfarm.api.asset.AssetMetadata;
import io.photonfarm.api.asset.AssetSymmetry;
import io.photonfarm.api.job.JobSpecException.Violation;
import io.photonfarm.scene.Symmetries;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of asset metadata; each broken one is reported with its JSON field path. */
final class MetadataRules {
    static final int MAX_NAME = 64;
    static final int MAX_LANDMARKS = 256;
    static final int MAX_SYMMETRIES = 16;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_ .-]{0," + (MAX_NAME - 1) + "}");

    private MetadataRules() {
    }

    static List<Violation> check(AssetMetadata m) {
        List<Violation> out = new ArrayList<>();
        if (!m.objectClass().isEmpty() && !NAME.matcher(m.objectClass()).matches()) {
            out.add(new Violation("class", m.objectClass(), "empty (scenery) or 1.." + MAX_NAME
                    + " letters, digits, '_', ' ', '.', '-', starting with a letter, digit or '_'"));
        }
        if (m.landmarks().size() > MAX_LANDMARKS) {
            out.add(new Violation("landmarks", m.landmarks().size() + " landmarks", "at most " + MAX_LANDMARKS));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < m.landmarks().size(); i++) {
            AssetLandmark l = m.landmarks().get(i);
            String at = "landmarks[" + i + "]";
            if (l == null) {
                out.add(new Violation(at, "null", "an object {\"name\": ..., \"position\": [x, y, z]}"));
                continue;
            }
            if (l.name() == null || !NAME.matcher(l.name()).matches()) {
                out.add(new Violation(at + ".name", String.valueOf(l.name()), "1.." + MAX_NAME
                        + " letters, digits, '_', ' ', '.', '-', starting with a letter, digit or '_'"));
            } else if (!names.add(l.name())) {
                out.add(new Violation(at + ".name", l.name(), "unique among the asset's landmarks"));
            }
            vector(l.position(), at + ".position", false, out);
        }
        if (m.symmetry().size() > MAX_SYMMETRIES) {
            out.add(new Violation("symmetry", m.symmetry().size() + " symmetries", "at most " + MAX_SYMMETRIES));
        }
        for (int i = 0; i < m.symmetry().size(); i++) {
            AssetSymmetry s = m.symmetry().get(i);
            String at = "symmetry[" + i + "]";
            if (s == null) {
                out.add(new Violation(at, "null", "an object {\"axis\": [x, y, z], \"order\": n}"));
                continue;
            }
            vector(s.axis(), at + ".axis", true, out);
            if (s.order() != 0 && (s.order() < 2 || s.order() > 360)) {
                out.add(new Violation(at + ".order", String.valueOf(s.order()), "0 (continuous) or 2..360"));
            }
        }
        if (out.stream().noneMatch(v -> v.field().startsWith("symmetry"))) {
            try {
                // Datasets list the whole group the turns generate; turns about axes at odd angles generate no finite one.
                AssetSymmetries.of(m.symmetry()).discreteGroup();
            } catch (IllegalStateException e) {
                out.add(new Violation("symmetry", m.symmetry().size() + " symmetries", "rotations an object can have "
                        + "together: their turns must generate at most " + Symmetries.MAX_GROUP
                        + " distinct rotations (orders 4 about y and 2 about x can; 5 about y and 7 about x cannot)"));
            }
        }
        return out;
    }

    private static void vector(List<Double> v, String field, boolean nonZero, List<Violation> out) {
        if (v == null || v.size() != 3 || v.stream().anyMatch(x -> x == null || !Double.isFinite(x))) {
            out.add(new Violation(field, String.valueOf(v), "three finite numbers [x, y, z] in the asset's object frame, metres"));
        } else if (nonZero && v.get(0) == 0 && v.get(1) == 0 && v.get(2) == 0) {
            out.add(new Violation(field, String.valueOf(v), "a direction: not [0, 0, 0]"));
        }
    }
}
