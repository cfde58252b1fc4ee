package io.photonfarm.scene;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The landmarks of one mesh and, optionally, a skeleton joining them (COCO keypoints' "skeleton").
 *
 * @param points   the landmarks, in a fixed order (the order of keypoints in every writer)
 * @param skeleton pairs of indices into {@code points}, from 0
 */
public record Landmarks(List<Landmark> points, List<Bone> skeleton) {
    /** A mesh without landmarks. */
    public static final Landmarks NONE = new Landmarks(List.of(), List.of());

    /** An edge of the skeleton between landmarks {@code from} and {@code to} (indices from 0). */
    public record Bone(int from, int to) {
    }

    public Landmarks {
        points = List.copyOf(points);
        skeleton = List.copyOf(skeleton);
        Set<String> names = new HashSet<>();
        for (Landmark p : points) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("landmark name '" + p.name() + "' appears twice");
            }
        }
        for (Bone b : skeleton) {
            if (b.from() < 0 || b.from() >= points.size() || b.to() < 0 || b.to() >= points.size() || b.from() == b.to()) {
                throw new IllegalArgumentException("skeleton bone " + b.from() + "-" + b.to() + " must join two different "
                        + "landmarks of 0.." + (points.size() - 1));
            }
        }
    }

    public static Landmarks of(List<Landmark> points) {
        return new Landmarks(points, List.of());
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }
}
