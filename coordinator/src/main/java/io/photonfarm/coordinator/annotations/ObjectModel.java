package io.photonfarm.coordinator.annotations;

import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.Symmetries;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * What pose-estimation formats need of a class's 3D model (BOP's models_info.json), in the mesh's
 * object space before any instance scale: metres, the frame poses are stated in.
 *
 * @param diameter   the largest distance between two vertices, metres
 * @param boundsMin  the smallest vertex coordinates {x, y, z}, metres
 * @param boundsMax  the largest vertex coordinates {x, y, z}, metres
 * @param symmetries the mesh's symmetries, object space, metres
 */
public record ObjectModel(double diameter, double[] boundsMin, double[] boundsMax, Symmetries symmetries) {
    public ObjectModel {
        boundsMin = boundsMin.clone();
        boundsMax = boundsMax.clone();
    }

    /** The model of {@code mesh}; {@code diameter} gives its vertices' diameter (metres) and may cache it. */
    public static ObjectModel of(Mesh mesh, ToDoubleFunction<float[]> diameter) {
        float[] b = mesh.bounds();
        return new ObjectModel(diameter.applyAsDouble(mesh.positions()), new double[] {b[0], b[1], b[2]},
                new double[] {b[3], b[4], b[5]}, mesh.symmetries());
    }

    /** The model of {@code mesh}, its diameter computed now. */
    public static ObjectModel of(Mesh mesh) {
        return of(mesh, PointDiameter::of);
    }

    /** The exact diameter of {@code xyz} (x, y, z per point), in their unit: for callers that cache it. */
    public static double diameterOf(float[] xyz) {
        return PointDiameter.of(xyz);
    }

    /**
     * The model of every class of {@code scene} whose annotated instances all place one mesh (the same
     * vertices, triangles and symmetries), by class name. A class whose instances place different
     * meshes (two blocks of one class "box") has no single model, and no entry.
     */
    public static Map<String, ObjectModel> forScene(Scene scene, ToDoubleFunction<float[]> diameter) {
        Map<String, Mesh> meshes = new TreeMap<>();
        Set<String> mixed = new HashSet<>();
        for (Instance in : scene.instances()) {
            if (!in.isObject()) {
                continue;
            }
            Mesh m = scene.meshes().get(in.mesh());
            Mesh before = meshes.putIfAbsent(in.category(), m);
            if (before != null && before != m && !sameModel(before, m)) {
                mixed.add(in.category());
            }
        }
        Map<String, ObjectModel> out = new TreeMap<>();
        meshes.forEach((cls, m) -> {
            if (!mixed.contains(cls)) {
                out.put(cls, of(m, diameter));
            }
        });
        return out;
    }

    /** Whether two meshes are one model; their materials may differ (recipes draw a look per instance). */
    private static boolean sameModel(Mesh a, Mesh b) {
        return Arrays.equals(a.positions(), b.positions()) && Arrays.equals(a.indices(), b.indices())
                && a.symmetries().equals(b.symmetries());
    }
}
