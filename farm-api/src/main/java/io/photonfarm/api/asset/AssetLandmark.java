package io.photonfarm.api.asset;

import java.util.List;

/**
 * A named point on an asset, reported per frame in the dataset.
 *
 * @param name     unique within the asset
 * @param position x, y, z in the asset's object frame (the file's own frame: metres, right-handed, y up)
 */
public record AssetLandmark(String name, List<Double> position) {
}
