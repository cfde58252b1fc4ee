package io.photonfarm.labels;

import io.photonfarm.scene.Symmetries;
import java.util.List;
import org.joml.Matrix4fc;
import org.joml.Vector3fc;

/**
 * An object's symmetries as meta.json states them, in the mesh's object space (metres, before the
 * instance's scale): a pose P (object -> camera) and P * S image the object identically for every
 * listed S. The discrete ones are as the asset declares them; BOP's models_info.json lists the whole
 * group they generate.
 *
 * @param discrete   rotations other than the identity that leave the object unchanged
 * @param continuous axes about which every rotation leaves it unchanged
 */
public record SymmetryAnnotation(List<Turn> discrete, List<Axis> continuous) {
    /** No symmetry. */
    public static final SymmetryAnnotation NONE = new SymmetryAnnotation(List.of(), List.of());

    public SymmetryAnnotation {
        discrete = List.copyOf(discrete);
        continuous = List.copyOf(continuous);
    }

    /**
     * One discrete symmetry.
     *
     * @param axis      unit rotation axis {x, y, z}, object space
     * @param angleDeg  rotation angle about {@code axis}, degrees, right-handed
     * @param through   a point of the axis {x, y, z}, object space, metres
     * @param transform the same as a 4x4 object-space transform, row-major, translation in metres
     */
    public record Turn(double[] axis, double angleDeg, double[] through, double[] transform) {
    }

    /**
     * One continuous symmetry.
     *
     * @param axis    unit axis {x, y, z}, object space
     * @param through a point of the axis {x, y, z}, object space, metres
     */
    public record Axis(double[] axis, double[] through) {
    }

    /** The annotation of a mesh's symmetries. */
    public static SymmetryAnnotation of(Symmetries s) {
        if (s.discrete().isEmpty() && s.continuous().isEmpty()) {
            return NONE;
        }
        return new SymmetryAnnotation(
                s.discrete().stream().map(d -> new Turn(xyz(d.axis()), d.angleDeg(), xyz(d.through()),
                        rowMajor(d.transform()))).toList(),
                s.continuous().stream().map(c -> new Axis(xyz(c.axis()), xyz(c.through()))).toList());
    }

    private static double[] xyz(Vector3fc v) {
        return new double[] {v.x(), v.y(), v.z()};
    }

    private static double[] rowMajor(Matrix4fc m) {
        double[] out = new double[16];
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 4; col++) {
                out[row * 4 + col] = m.get(col, row);
            }
        }
        return out;
    }
}
