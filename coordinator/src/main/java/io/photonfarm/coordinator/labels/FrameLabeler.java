package io.photonfarm.coordinator.labels;

import io.photonfarm.coordinator.annotations.AnnotationWriters;
import io.photonfarm.coordinator.annotations.FrameLabels;
import io.photonfarm.coordinator.annotations.KeypointSchema;
import io.photonfarm.coordinator.annotations.ObjectModel;
import io.photonfarm.coordinator.dataset.FrameJob;
import io.photonfarm.labels.FrameObjects;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.annotate.FrameAnnotator;
import io.photonfarm.labels.annotate.LandmarkTolerance;
import io.photonfarm.labels.raycast.SceneRaycaster;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.SceneLabels;
import io.photonfarm.scene.Scene;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes everything a frame's labels produce into its directory: the chosen per-pixel passes, the
 * per-object annotations (returned for {@code meta.json}) and each chosen writer's per-frame files.
 * Stateless apart from the scene source; safe for concurrent frames.
 */
public final class FrameLabeler {
    private final Function<FrameJob, Scene> scenes;
    private final FrameSuccessors successors;
    private final FrameAnnotator annotator = new FrameAnnotator();
    /** Ray casters of the scenes being labelled now (building one walks the whole scene). */
    private final Map<Scene, SceneRaycaster> raycasters = Collections.synchronizedMap(new IdentityLru<>(2));
    /**
     * Vertex diameters (metres) by vertex array: exact diameters take a pass over many vertex pairs, and
     * recipe scenes place the same few model meshes, whose arrays they share, frame after frame.
     */
    private final Map<float[], Double> diameters = Collections.synchronizedMap(new IdentityLru<>(64));

    /** A tiny least-recently-used map by identity of the key. */
    private static final class IdentityLru<K, V> extends LinkedHashMap<K, V> {
        private final int capacity;

        IdentityLru(int capacity) {
            super(4, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
        }
    }

    /**
     * What labelling a frame produced.
     *
     * @param opticalFlow the frame's forward flow (file, or why none), or null when its job asks for no flow
     */
    public record Output(List<String> files, List<ObjectAnnotation> objects, FrameObjects frameObjects,
            OpticalFlowNote opticalFlow) {
    }

    /** The tolerance of the landmark ray test, as conventions.json states it. */
    public LandmarkTolerance landmarkTolerance() {
        return annotator.landmarkTolerance();
    }

    /** A labeler for jobs without optical flow. */
    public FrameLabeler(Function<FrameJob, Scene> scenes) {
        this(scenes, FrameSuccessors.NONE);
    }

    /**
     * @param scenes     the scene of a frame (the same scene its nodes render: for recipes, drawn per frame)
     * @param successors the next frame of a frame's sequence, for forward optical flow
     */
    public FrameLabeler(Function<FrameJob, Scene> scenes, FrameSuccessors successors) {
        this.scenes = scenes;
        this.successors = successors;
    }

    public Output label(FrameJob frame, LabelFrame labels, PinholeCalibration cal, Path dir) throws IOException {
        FrameJob.LabelRequest request = frame.labels();
        Scene scene = scenes.apply(frame);
        SceneLabels ids = SceneLabels.of(scene);
        List<String> files = new ArrayList<>(PassFiles.write(dir, labels, request.passes(), cal, ids, scene));
        if (frame.cameraModel() != null && frame.cameraModel().depthSensor() != null) {
            files.add(DepthSensorPass.write(dir, labels, cal, frame.cameraModel().depthSensor(), frame.seed(), frame.frame()));
        }
        OpticalFlowNote flow = null;
        FrameSuccessors.Successor successor = successors.of(frame).orElse(null);
        if (successor instanceof FrameSuccessors.Next next) {
            files.add(ForwardFlow.write(dir, labels, cal, scene, next));
            flow = OpticalFlowNote.written(ForwardFlow.FILE, next.frame());
        } else if (successor instanceof FrameSuccessors.Last last) {
            flow = OpticalFlowNote.missing(last.reason());
        }
        SceneRaycaster raycaster = raycasters.computeIfAbsent(scene, SceneRaycaster::new);
        int[] instancePass = labels.instancePass();
        FrameObjects objects = annotator.annotate(raycaster, ids, cal, labels.width(), labels.height(), instancePass);
        if (!request.writers().isEmpty()) {
            AnnotationWriters writers = writers(request);
            files.addAll(writers.writeFrame(new FrameLabels(frame.frame(), labels.width(), labels.height(), cal, ids,
                    instancePass, objects, KeypointSchema.forScene(scene), ObjectModel.forScene(scene, this::diameter)), dir));
        }
        return new Output(files, objects.objects(), objects, flow);
    }

    private double diameter(float[] positions) {
        Double hit = diameters.get(positions);
        if (hit == null) {
            hit = ObjectModel.diameterOf(positions);
            diameters.put(positions, hit);
        }
        return hit;
    }

    /** The writers a job asks for, stating this labeler's landmark tolerance in conventions.json. */
    public AnnotationWriters writers(FrameJob.LabelRequest request) {
        return new AnnotationWriters(request.writers(), annotator.landmarkTolerance().absoluteMetres());
    }
}
