package io.photonfarm.coordinator.archive;

import java.util.regex.Pattern;

/**
 * The only entry names an archive may carry: relative, '/'-separated components of letters,
 * digits, '.', '_' and '-', none starting with '.', so no entry is absolute, hidden, climbs out
 * with "..", or smuggles a separator or control character into an extracting tool.
 */
final class EntryNames {
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9][A-Za-z0-9._-]{0,127}){0,7}");

    private EntryNames() {
    }

    static boolean isSafeComponent(String s) {
        return s != null && COMPONENT.matcher(s).matches();
    }

    /** @throws IllegalStateException if {@code name} is not a safe entry name; callers build names from checked parts */
    static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException("archive entry name '" + name + "' is not a safe relative name");
        }
        return name;
    }
}
