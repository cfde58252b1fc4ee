package io.photonfarm.scene.procedural;

import java.util.List;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * The symmetries of an asset's shape and appearance in its own object space (metres, right-handed,
 * y up), as pose-estimation losses need them (BOP's "symmetries_discrete" and
 * "symmetries_continuous"): a pose P and P * S look the same for every listed S.
 *
 * @param discrete   object-space rigid transforms other than the identity that leave the object unchanged
 * @param continuous axes about which any rotation leaves the object unchanged
 */
public record Symmetries(List<Discrete> discrete, List<Continuous> continuous) {
    /** An asset whose every pose looks different. */
    public static final Symmetries NONE = new Symmetries(List.of(), List.of());

    public Symmetries {
        discrete = List.copyOf(discrete);
        continuous = List.copyOf(continuous);
    }

    /**
     * One discrete symmetry, stated as the rotation it is (for people) and its 4x4 transform (for losses).
     *
     * @param axis     unit rotation axis, object space
     * @param angleDeg rotation angle about {@code axis}, degrees, right-handed
     * @param through  a point on the axis, object space, metres
     */
    public record Discrete(Vector3fc axis, double angleDeg, Vector3fc through) {
        public Discrete {
            axis = new Vector3f(axis).normalize();
            through = new Vector3f(through);
        }

        /** The object-space transform: rotate by {@code angleDeg} about the axis through {@code through}. */
        public Matrix4fc transform() {
            return new Matrix4f().translate(through).rotate((float) Math.toRadians(angleDeg), axis)
                    .translate(-through.x(), -through.y(), -through.z());
        }
    }

    /**
     * A continuous symmetry: every rotation about the axis through {@code through}.
     *
     * @param axis    unit axis, object space
     * @param through a point on the axis, object space, metres
     */
    public record Continuous(Vector3fc axis, Vector3fc through) {
        public Continuous {
            axis = new Vector3f(axis).normalize();
            through = new Vector3f(through);
        }
    }

    static Discrete halfTurn(float ax, float ay, float az, float px, float py, float pz) {
        return new Discrete(new Vector3f(ax, ay, az), 180, new Vector3f(px, py, pz));
    }

    static Continuous about(float ax, float ay, float az, float px, float py, float pz) {
        return new Continuous(new Vector3f(ax, ay, az), new Vector3f(px, py, pz));
    }
}
