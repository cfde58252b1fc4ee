package io.photonfarm.node.work;

import io.photonfarm.api.tile.TileResult;
import io.photonfarm.api.work.FrameSpec;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.node.render.RenderBackend;

/**
 * Renders units on a {@link RenderBackend}, with the frame's scene from a {@link SceneCache} and
 * its settings from {@link FrameSpecConversion}. Not thread-safe, like the backend.
 */
public final class CachedSceneRenderer implements UnitRenderer {
    private final RenderBackend backend;
    private final SceneCache scenes;

    /** Closes neither the backend nor the cache. */
    public CachedSceneRenderer(RenderBackend backend, SceneCache scenes) {
        this.backend = backend;
        this.scenes = scenes;
    }

    @Override
    public TileResult render(FrameSpec frame, WorkUnit unit) throws InterruptedException {
        return backend.render(scenes.scene(frame), FrameSpecConversion.settings(frame), unit.rect(), unit.samples());
    }
}
