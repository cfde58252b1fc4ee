package io.photonfarm.scene.procedural;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The built-in procedural objects a recipe can name, by asset reference:
 * <ul>
 *   <li>{@code procedural:domino}: the 28 double-six dominoes, classes {@code domino_0_0} .. {@code domino_6_6} ({@link Dominoes});</li>
 *   <li>{@code procedural:box}, {@code procedural:can}, {@code procedural:sphere}, {@code procedural:torus}:
 *       one class each, named like the asset ({@link Primitives}).</li>
 * </ul>
 * Models are built on first use and kept (they never change); safe for concurrent use.
 */
public final class ProceduralAssets {
    /** How a recipe names a built-in procedural asset: {@code procedural:NAME}. */
    public static final String PREFIX = "procedural:";

    private static final List<String> NAMES = List.of("domino", "box", "can", "sphere", "torus");

    private final ConcurrentMap<String, ProceduralModel> models = new ConcurrentHashMap<>();

    /** Every asset reference this library knows, e.g. {@code procedural:domino}. */
    public static List<String> refs() {
        return NAMES.stream().map(n -> PREFIX + n).toList();
    }

    /** The classes asset {@code ref} offers, in a fixed order; empty if the reference is unknown. */
    public static List<String> classes(String ref) {
        if (ref == null || !ref.startsWith(PREFIX)) {
            return List.of();
        }
        String name = ref.substring(PREFIX.length());
        if (name.equals("domino")) {
            return Dominoes.classNames();
        }
        return NAMES.contains(name) ? List.of(name) : List.of();
    }

    /** The model of class {@code className} of asset {@code ref}. */
    public Optional<ProceduralModel> model(String ref, String className) {
        if (!classes(ref).contains(className)) {
            return Optional.empty();
        }
        return Optional.of(models.computeIfAbsent(className, ProceduralAssets::build));
    }

    private static ProceduralModel build(String className) {
        int[] pips = Dominoes.pips(className);
        if (pips != null) {
            return Dominoes.model(pips[0], pips[1]);
        }
        return switch (className) {
            case "box" -> Primitives.box();
            case "can" -> Primitives.can();
            case "sphere" -> Primitives.sphere();
            case "torus" -> Primitives.torus();
            default -> throw new IllegalArgumentException("no procedural model of class " + className);
        };
    }

    /** A map from asset reference to its classes, for documentation and error messages. */
    public static Map<String, List<String>> catalogue() {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        refs().forEach(r -> out.put(r, classes(r)));
        return out;
    }
}
