package io.photonfarm.coordinator.camera;

import io.photonfarm.api.camera.CameraModel;
import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.refine.Refiner;
import io.photonfarm.refine.Refiners;
import io.photonfarm.refine.TargetDomain;
import io.photonfarm.sensor.SensorPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What one job's camera model needs at run time: its sensor pipeline, its target domain's photos and
 * statistics, and its refiners (an ONNX refiner holds a runtime session). Built once per job and
 * shared by the frames being developed at the same time; closed when no frame uses it any more
 * and it has left the cache ({@link CameraDevelopment}).
 */
final class JobCamera implements AutoCloseable {
    private final CameraModel model;
    private final SensorPipeline sensor;
    private final TargetDomain target;
    private final List<Refiner> refiners;
    private int users;
    private boolean retired;
    private boolean closed;

    private JobCamera(CameraModel model, SensorPipeline sensor, TargetDomain target, List<Refiner> refiners) {
        this.model = model;
        this.sensor = sensor;
        this.target = target;
        this.refiners = refiners;
    }

    /**
     * @param photos resolves a photos asset reference to its files
     * @param models resolves an ONNX model asset reference to its file
     */
    static JobCamera of(CameraModel model, Function<String, List<Path>> photos, Function<String, Path> models) throws IOException {
        SensorPipeline sensor = model.sensor() == null ? null : new SensorPipeline(model.sensor());
        TargetDomain target = model.targetDomain() == null ? null : TargetDomain.read(photos.apply(model.targetDomain()));
        List<Refiner> refiners = new ArrayList<>();
        try {
            for (RefinerSpec spec : model.refiners()) {
                refiners.add(Refiners.create(spec, target, models));
            }
        } catch (RuntimeException e) {
            refiners.forEach(Refiner::close);
            throw e;
        }
        return new JobCamera(model, sensor, target, List.copyOf(refiners));
    }

    CameraModel model() {
        return model;
    }

    /** The sensor pipeline, or null when the job renders an ideal sensor. */
    SensorPipeline sensor() {
        return sensor;
    }

    /** The target domain, or null when the job names none. */
    TargetDomain target() {
        return target;
    }

    List<Refiner> refiners() {
        return refiners;
    }

    /** Marks one more frame as using this camera; false if it is already closed. */
    synchronized boolean acquire() {
        if (retired && users == 0) {
            return false;
        }
        users++;
        return true;
    }

    /** A frame is done with it; closes it if it has left the cache and was the last user. */
    void release() {
        boolean last;
        synchronized (this) {
            last = --users == 0 && retired;
        }
        if (last) {
            closeNow();
        }
    }

    /** Left the cache: closes now if unused, else when the last user releases it. */
    @Override
    public void close() {
        boolean now;
        synchronized (this) {
            retired = true;
            now = users == 0;
        }
        if (now) {
            closeNow();
        }
    }

    private void closeNow() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        refiners.forEach(Refiner::close);
    }
}
