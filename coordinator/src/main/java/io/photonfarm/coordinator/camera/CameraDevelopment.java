package io.photonfarm.coordinator.camera;

import io.photonfarm.api.camera.CameraModel;
import io.photonfarm.api.job.JobId;
import io.photonfarm.image.AtomicWrites;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import io.photonfarm.refine.Refiner;
import io.photonfarm.sensor.SensorFrame;
import io.photonfarm.sensor.StageTiming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Develops a frame's assembled linear radiance into the dataset's image, as the job's simulated
 * camera would: the sensor and its image signal processor, then each refiner in order, then the
 * files. Without a sensor or refiners the image is the clean sRGB rendering, as before.
 *
 * <p>Files written into the frame directory, each atomically: {@code rgb.png} (always: the processed,
 * refined image, 8-bit sRGB, grey for a monochrome sensor), {@code rgb.jpg} (when the profile ends in
 * JPEG: the camera's own file, re-encoded at its quality after refinement), {@code raw.png} (the 16-bit
 * mosaic, when the profile asks) and {@code linear.exr} (the clean linear image, when it asks).
 *
 * <p>Deterministic: every draw comes from (job seed, frame), so developing a frame twice gives the
 * same bytes. Thread-safe; per-job state (the pipeline, the target photos, ONNX sessions) is built
 * once and kept for the {@value #KEPT} jobs developed most recently.
 */
public final class CameraDevelopment implements AutoCloseable {
    public static final String RGB_JPG = "rgb.jpg";
    public static final String RAW_PNG = "raw.png";
    public static final String LINEAR_EXR = "linear.exr";
    private static final String RGB_PNG = "rgb.png";
    private static final int KEPT = 4;

    private final Function<String, List<Path>> photos;
    private final Function<String, Path> models;
    private final Map<JobId, JobCamera> cameras = new LinkedHashMap<>(8, 0.75f, true);

    /** What developing a frame wrote. */
    public record Developed(List<String> files, Map<String, Object> imaging) {
    }

    /**
     * @param photos resolves a photos asset reference ({@code asset:HASH}) to its files
     * @param models resolves an ONNX model asset reference to its file
     */
    public CameraDevelopment(Function<String, List<Path>> photos, Function<String, Path> models) {
        this.photos = photos;
        this.models = models;
    }

    /** Whether a camera model changes the image at all (a sensor or a refiner). */
    public static boolean develops(CameraModel model) {
        return model != null && (model.sensor() != null || !model.refiners().isEmpty());
    }

    /**
     * Writes the frame's image files into {@code dir}.
     *
     * @param linear the frame's assembled linear radiance, 3 channels
     * @return the files written and, for a simulated camera, what it did (for meta.json's {@code imaging}); null otherwise
     */
    public Developed develop(JobId job, CameraModel model, long seed, int frame, FloatImage linear, Path dir) throws IOException {
        if (!develops(model)) {
            Images.writeSrgbPng(linear, dir.resolve(RGB_PNG));
            return new Developed(List.of(RGB_PNG), null);
        }
        JobCamera camera = acquire(job, model);
        try {
            Map<String, Object> imaging = new LinkedHashMap<>();
            List<Map<String, Object>> stages = new ArrayList<>();
            FloatImage display;
            SensorFrame sensed = null;
            if (camera.sensor() != null) {
                sensed = camera.sensor().process(linear, seed, frame);
                display = sensed.display();
                imaging.put("sensor", sensed.parameters());
                for (StageTiming t : sensed.timings()) {
                    stages.add(stage(t.stage(), t.nanos(), t.pixels()));
                }
            } else {
                display = Images.toDisplay(linear);
            }
            List<Map<String, Object>> refined = new ArrayList<>();
            for (Refiner r : camera.refiners()) {
                long t0 = System.nanoTime();
                display = r.refine(display, seed, frame);
                stages.add(stage("refine:" + r.kind(), System.nanoTime() - t0, (long) display.width() * display.height()));
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("kind", r.kind());
                p.putAll(r.parameters(seed, frame));
                refined.add(p);
            }
            if (!refined.isEmpty()) {
                imaging.put("refiners", refined);
                imaging.put("targetDomain", model.targetDomain());
            }
            List<String> files = new ArrayList<>();
            Images.writeDisplayPng(display, dir.resolve(RGB_PNG));
            files.add(RGB_PNG);
            if (sensed != null) {
                if (sensed.image().fileName().endsWith(".jpg")) {
                    byte[] jpeg = camera.refiners().isEmpty() ? sensed.image().bytes() : camera.sensor().encode(display).bytes();
                    AtomicWrites.write(dir.resolve(RGB_JPG), jpeg);
                    files.add(RGB_JPG);
                }
                if (sensed.raw() != null) {
                    AtomicWrites.write(dir.resolve(RAW_PNG), sensed.raw().bytes());
                    files.add(RAW_PNG);
                }
                if (sensed.linear() != null) {
                    Images.writeExr(sensed.linear(), dir.resolve(LINEAR_EXR));
                    files.add(LINEAR_EXR);
                }
            }
            imaging.put("stages", stages);
            return new Developed(files, imaging);
        } finally {
            camera.release();
        }
    }

    /**
     * The job's display image before refinement, as {@link #develop} makes it (for the domain-gap
     * report's "before"): the same draws, so the same pixels.
     */
    public FloatImage unrefined(JobId job, CameraModel model, long seed, int frame, FloatImage linear) {
        if (model == null || model.sensor() == null) {
            return Images.toDisplay(linear);
        }
        JobCamera camera = acquire(job, model);
        try {
            return camera.sensor().process(linear, seed, frame).display();
        } finally {
            camera.release();
        }
    }

    /** The job's refiners applied to a display image, as {@link #develop} applies them. */
    public FloatImage refined(JobId job, CameraModel model, long seed, int frame, FloatImage display) {
        JobCamera camera = acquire(job, model);
        try {
            for (Refiner r : camera.refiners()) {
                display = r.refine(display, seed, frame);
            }
            return display;
        } finally {
            camera.release();
        }
    }

    /** The job's target domain (its photos, read once per job). */
    public io.photonfarm.refine.TargetDomain target(JobId job, CameraModel model) {
        JobCamera camera = acquire(job, model);
        try {
            return camera.target();
        } finally {
            camera.release();
        }
    }

    private static Map<String, Object> stage(String name, long nanos, long pixels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", name);
        m.put("millis", nanos / 1e6);
        m.put("megapixelsPerSecond", nanos > 0 ? pixels / (nanos / 1e3) : 0.0);
        return m;
    }

    private JobCamera acquire(JobId job, CameraModel model) {
        while (true) {
            JobCamera camera;
            synchronized (cameras) {
                camera = cameras.get(job);
            }
            if (camera == null) {
                try {
                    camera = JobCamera.of(model, photos, models);
                } catch (IOException e) {
                    throw new UncheckedIOException("job " + job + ": reading its target photos: " + e.getMessage(), e);
                }
                JobCamera evicted = null;
                synchronized (cameras) {
                    JobCamera raced = cameras.putIfAbsent(job, camera);
                    if (raced != null) {
                        camera.close();
                        camera = raced;
                    } else if (cameras.size() > KEPT) {
                        JobId eldest = cameras.keySet().iterator().next();
                        evicted = cameras.remove(eldest);
                    }
                }
                if (evicted != null) {
                    evicted.close();
                }
            }
            if (camera.acquire()) {
                return camera;
            }
            synchronized (cameras) {
                cameras.remove(job, camera);
            }
        }
    }

    @Override
    public void close() {
        List<JobCamera> all;
        synchronized (cameras) {
            all = new ArrayList<>(cameras.values());
            cameras.clear();
        }
        all.forEach(JobCamera::close);
    }
}
