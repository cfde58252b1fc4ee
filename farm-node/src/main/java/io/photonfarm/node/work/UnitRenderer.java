package io.photonfarm.node.work;

import io.photonfarm.api.tile.TileResult;
import io.photonfarm.api.work.FrameSpec;
import io.photonfarm.api.work.WorkUnit;

/**
 * Renders one work unit: the seam between the work loop (protocol) and the device. The production
 * implementation is {@link CachedSceneRenderer}; tests put slow or failing renderers here.
 */
@FunctionalInterface
public interface UnitRenderer {
    /**
     * Renders {@code unit.samples()} of every pixel of {@code unit.rect()} of {@code frame}.
     *
     * @return unnormalised radiance sums covering exactly the unit's rectangle and sample range
     * @throws RuntimeException when the unit cannot be rendered; its message is reported to the coordinator
     */
    TileResult render(FrameSpec frame, WorkUnit unit) throws InterruptedException;
}
