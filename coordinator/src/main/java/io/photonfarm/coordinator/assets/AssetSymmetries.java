package io.photonfarm.coordinator.assets;

import io.photonfarm.api.asset.AssetSymmetry;
import io.photonfarm.scene.Symmetries;
import java.util.ArrayList;
import java.util.List;
import org.joml.Vector3f;

/**
 * An asset's declared symmetries ({@code symmetry} of its metadata: axes through the object frame's
 * origin) as the symmetries its mesh carries into labels: order n gives the n - 1 turns by multiples
 * of 360/n degrees, order 0 a continuous symmetry.
 */
public final class AssetSymmetries {
    private AssetSymmetries() {
    }

    /** The symmetries of valid metadata ({@link MetadataRules} passed). */
    public static Symmetries of(List<AssetSymmetry> declared) {
        List<Symmetries.Discrete> discrete = new ArrayList<>();
        List<Symmetries.Continuous> continuous = new ArrayList<>();
        Vector3f origin = new Vector3f();
        for (AssetSymmetry s : declared) {
            Vector3f axis = new Vector3f(s.axis().get(0).floatValue(), s.axis().get(1).floatValue(), s.axis().get(2).floatValue());
            if (s.order() == 0) {
                continuous.add(new Symmetries.Continuous(axis, origin));
            } else {
                discrete.addAll(Symmetries.turns(axis, s.order(), origin));
            }
        }
        return new Symmetries(discrete, continuous);
    }
}
