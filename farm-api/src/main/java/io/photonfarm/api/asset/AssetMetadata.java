package io.photonfarm.api.asset;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a person says about an asset, editable after upload. JSON fields {@code class},
 * {@code landmarks} and {@code symmetry}; an absent field is empty.
 *
 * @param objectClass the semantic class objects of this asset are labelled with ({@code class} in JSON); empty: scenery
 * @param landmarks   named points in the asset's object frame, in keypoint order
 * @param symmetry    its rotational symmetries; empty: none
 */
public record AssetMetadata(@JsonProperty("class") String objectClass, List<AssetLandmark> landmarks,
        List<AssetSymmetry> symmetry) {
    /** No class, no landmarks, no symmetry: what a fresh upload has. */
    public static final AssetMetadata NONE = new AssetMetadata("", List.of(), List.of());

    public AssetMetadata {
        objectClass = objectClass == null ? "" : objectClass;
        landmarks = landmarks == null ? List.of() : landmarks;
        symmetry = symmetry == null ? List.of() : symmetry;
    }
}
