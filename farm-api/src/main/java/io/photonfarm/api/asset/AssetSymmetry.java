package io.photonfarm.api.asset;

import java.util.List;

/**
 * A rotational symmetry of an asset: turning it about {@code axis} (through the object frame's
 * origin) by 360/order degrees leaves it looking the same.
 *
 * @param axis  x, y, z direction in the asset's object frame (need not be unit length, must not be zero)
 * @param order 0 for a continuous symmetry (any angle: a can about its axis), else 2..360 (a box about an axis: 2 or 4)
 */
public record AssetSymmetry(List<Double> axis, int order) {
}
