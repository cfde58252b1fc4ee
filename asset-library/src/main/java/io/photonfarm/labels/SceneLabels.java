package io.photonfarm.labels;

import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The id tables of a scene's labels: instance ids (scene instance index + 1, 0 = background), semantic
 * class ids (1.. in the sorted order of category names, 0 = background and scenery) and material ids
 * (material index + 1, 0 = background). A pure function of the scene, so every frame of a job that
 * renders the same scene uses the same ids.
 *
 * @param classes         class names; class id k + 1 is {@code classes.get(k)}
 * @param instanceClass   semantic class id per instance id (index 0 = background = 0)
 * @param instanceNames   a name per instance id (index 0 = "background")
 * @param materialNames   a name per material id (index 0 = "background")
 */
public record SceneLabels(List<String> classes, int[] instanceClass, List<String> instanceNames, List<String> materialNames) {

    public static SceneLabels of(Scene scene) {
        TreeSet<String> names = new TreeSet<>();
        for (Instance in : scene.instances()) {
            if (in.isObject()) {
                names.add(in.category());
            }
        }
        List<String> classes = List.copyOf(names);
        Map<String, Integer> ids = new TreeMap<>();
        for (int k = 0; k < classes.size(); k++) {
            ids.put(classes.get(k), k + 1);
        }
        int n = scene.instances().size();
        int[] instanceClass = new int[n + 1];
        List<String> instanceNames = new ArrayList<>(n + 1);
        instanceNames.add("background");
        for (int i = 0; i < n; i++) {
            Instance in = scene.instances().get(i);
            instanceClass[i + 1] = in.isObject() ? ids.get(in.category()) : 0;
            String fallback = in.isObject() ? in.category() + "_" + (i + 1)
                    : nonEmpty(scene.meshes().get(in.mesh()).name(), "scenery") + "_" + (i + 1);
            instanceNames.add(nonEmpty(in.name(), fallback));
        }
        List<String> materialNames = new ArrayList<>(scene.materials().size() + 1);
        materialNames.add("background");
        for (int m = 0; m < scene.materials().size(); m++) {
            materialNames.add(nonEmpty(scene.materials().get(m).name(), "material_" + (m + 1)));
        }
        return new SceneLabels(classes, instanceClass, List.copyOf(instanceNames), List.copyOf(materialNames));
    }

    private static String nonEmpty(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    /** The semantic class id of instance id {@code instanceId}; 0 for background, scenery and unknown ids. */
    public int classOf(int instanceId) {
        return instanceId >= 0 && instanceId < instanceClass.length ? instanceClass[instanceId] : 0;
    }

    /** The name of class id {@code classId} (from 1), or "background" for 0. */
    public String className(int classId) {
        return classId == 0 ? "background" : classes.get(classId - 1);
    }
}
