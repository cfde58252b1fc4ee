package io.photonfarm.coordinator.annotations;

import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Landmark;
import io.photonfarm.scene.Landmarks;
import io.photonfarm.scene.Scene;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The keypoints of one semantic class, as COCO and YOLO pose need them: one fixed list of names
 * (the order of keypoints in every annotation of the class) and a skeleton.
 *
 * @param names    keypoint names, unique, in order
 * @param skeleton edges between keypoints, indices into {@code names} from 0 (COCO's file gets them from 1)
 */
public record KeypointSchema(List<String> names, List<Landmarks.Bone> skeleton) {
    public KeypointSchema {
        names = List.copyOf(names);
        skeleton = List.copyOf(skeleton);
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("keypoint schema: name '" + n + "' appears twice");
            }
        }
        for (Landmarks.Bone b : skeleton) {
            if (b.from() < 0 || b.from() >= names.size() || b.to() < 0 || b.to() >= names.size()) {
                throw new IllegalArgumentException("keypoint schema: bone " + b.from() + "-" + b.to() + " outside 0.."
                        + (names.size() - 1));
            }
        }
    }

    /** The schema of a mesh's landmarks: their names in declaration order and their skeleton. */
    public static KeypointSchema of(Landmarks landmarks) {
        return new KeypointSchema(landmarks.points().stream().map(Landmark::name).toList(), landmarks.skeleton());
    }

    /**
     * The schema of every class of {@code scene} whose meshes declare landmarks, by class name.
     *
     * @throws IllegalArgumentException if two meshes of one class declare different landmarks or
     *                                  skeletons (a class has one keypoint list in COCO and YOLO)
     */
    public static Map<String, KeypointSchema> forScene(Scene scene) {
        Map<String, KeypointSchema> out = new TreeMap<>();
        for (Instance in : scene.instances()) {
            Landmarks l = scene.meshes().get(in.mesh()).landmarks();
            if (!in.isObject() || l.isEmpty()) {
                continue;
            }
            KeypointSchema s = of(l);
            KeypointSchema before = out.putIfAbsent(in.category(), s);
            if (before != null && !before.equals(s)) {
                throw new IllegalArgumentException("class '" + in.category() + "': meshes declare different landmarks "
                        + before.names() + " and " + s.names() + " (or skeletons); a class needs one keypoint list");
            }
        }
        return out;
    }

    /** The index of keypoint {@code name}, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }
}
