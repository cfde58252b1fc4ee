package io.photonfarm.coordinator.labels;

import io.photonfarm.coordinator.dataset.FrameJob;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.SceneLabels;
import io.photonfarm.scene.Scene;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes everything a frame's labels produce into its directory: the chosen per-pixel passes, the
 * per-object annotations (returned for {@code meta.json}) and each chosen writer's per-frame files.
 * Stateless apart from the scene source; safe for concurrent frames.
 */
public final class FrameLabeler {
    private final Function<String, Scene> scenes;

    /** What labelling a frame produced. */
    public record Output(List<String> files, List<ObjectAnnotation> objects) {
    }

    /** @param scenes the scene of a job's scene reference (the same scene its nodes render) */
    public FrameLabeler(Function<String, Scene> scenes) {
        this.scenes = scenes;
    }

    public Output label(FrameJob frame, LabelFrame labels, PinholeCalibration cal, Path dir) throws IOException {
        FrameJob.LabelRequest request = frame.labels();
        Scene scene = scenes.apply(request.sceneRef());
        SceneLabels ids = SceneLabels.of(scene);
        List<String> files = new ArrayList<>(PassFiles.write(dir, labels, request.passes(), cal, ids, scene));
        return new Output(files, List.of());
    }
}
