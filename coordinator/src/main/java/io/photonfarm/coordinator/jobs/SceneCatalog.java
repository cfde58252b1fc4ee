package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.asset.SceneEntry;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Scene;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a job's scene reference to what planning needs (the scene's content hash and the camera
 * frames orbit around) and to the scene labelling reads, through the {@link SceneSource}s the farm
 * has: the built-in scenes always, uploaded assets where the coordinator has an asset library.
 */
public final class SceneCatalog {
    /** What planning needs from a scene. */
    public record ResolvedScene(String sceneRef, String sceneHash, CameraSpec camera) {
    }

    private final List<SceneSource> sources;

    /** The built-in scenes only. */
    public SceneCatalog() {
        this(List.of(new BuiltinSceneSource()));
    }

    /** @param sources asked in order; the first that owns a reference answers for it */
    public SceneCatalog(List<SceneSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * The scene itself, as nodes build it, with its labels: what frame labelling reads ids, poses and geometry from.
     *
     * @throws JobSpecException naming {@code sceneRef} if the scene is unknown
     */
    public Scene scene(String sceneRef) {
        return source(sceneRef).scene(sceneRef);
    }

    /**
     * @param aspect image width / height, for placing a camera when the scene has none
     * @throws JobSpecException naming {@code sceneRef} if the scene is unknown
     */
    public ResolvedScene resolve(String sceneRef, float aspect) {
        return source(sceneRef).resolve(sceneRef, aspect);
    }

    /** Every scene a job can name now, source by source. */
    public List<SceneEntry> entries() {
        List<SceneEntry> all = new ArrayList<>();
        sources.forEach(s -> all.addAll(s.entries()));
        return all;
    }

    private SceneSource source(String sceneRef) {
        if (sceneRef != null) {
            for (SceneSource s : sources) {
                if (s.owns(sceneRef)) {
                    return s;
                }
            }
        }
        throw unknown(sceneRef, String.join(", ", sources.stream().map(SceneSource::forms).toList()));
    }

    /** The 400 of a reference that names no scene: {@code sceneRef}, its value, and what would be accepted. */
    public static JobSpecException unknown(String sceneRef, String accepted) {
        return new JobSpecException(List.of(new JobSpecException.Violation("sceneRef", String.valueOf(sceneRef),
                "one of " + accepted)));
    }
}
