package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.asset.SceneEntry;
import io.photonfarm.scene.Scene;
import java.util.List;

/**
 * One kind of scene a job can name, told apart by the prefix of its reference ({@code builtin:},
 * {@code asset:}, ...). {@link SceneCatalog} asks its sources in order.
 */
public interface SceneSource {
    /** Whether {@code sceneRef} is of this source's form (it may still name nothing this source has). */
    boolean owns(String sceneRef);

    /**
     * What planning needs: the content hash nodes cache the scene by, and the camera frames orbit around.
     *
     * @param aspect image width / height, for placing a camera when the scene has none
     * @throws io.photonfarm.api.job.JobSpecException naming {@code sceneRef} if this source has no such scene
     */
    SceneCatalog.ResolvedScene resolve(String sceneRef, float aspect);

    /**
     * The scene as nodes render it, labelled (classes, landmarks) as the dataset reports it. Returns
     * the same object while the scene is unchanged, so callers may cache by identity.
     *
     * @throws io.photonfarm.api.job.JobSpecException naming {@code sceneRef} if this source has no such scene
     */
    Scene scene(String sceneRef);

    /** The scenes this source offers now. */
    List<SceneEntry> entries();

    /** The reference forms this source accepts, for messages (e.g. {@code asset:HASH}). */
    String forms();
}
