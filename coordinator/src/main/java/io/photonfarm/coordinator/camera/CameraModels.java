package io.photonfarm.coordinator.camera;

import io.photonfarm.api.camera.CameraModel;
import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.api.camera.SensorProfile;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.sensor.SensorPresets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Resolves a job's camera model at submission, so the stored job is complete on its own: a sensor
 * preset is replaced by the full profile it names (a later change to the built-in presets changes
 * no submitted job), and the target photos and ONNX models it refers to must exist and be of the
 * right kind. Problems are reported as violations naming the field.
 */
public final class CameraModels {
    private final Function<String, List<Path>> photos;
    private final Function<String, Path> models;

    /**
     * @param photos resolves a photos asset reference to its files; throws with a client-readable message if it cannot
     * @param models resolves an ONNX model asset reference to its file; likewise
     */
    public CameraModels(Function<String, List<Path>> photos, Function<String, Path> models) {
        this.photos = photos;
        this.models = models;
    }

    /**
     * @param model a camera model whose own fields passed {@link CameraModel#check}
     * @param bad   where violations are added
     * @return the model with its sensor preset resolved (unchanged if there were violations)
     */
    public CameraModel resolve(CameraModel model, List<JobSpecException.Violation> bad) {
        int before = bad.size();
        SensorProfile sensor = model.sensor();
        if (sensor != null) {
            try {
                sensor = SensorPresets.resolve(sensor, "camera.sensor");
            } catch (JobSpecException e) {
                bad.addAll(e.violations());
            }
        }
        if (model.targetDomain() != null) {
            try {
                if (photos.apply(model.targetDomain()).isEmpty()) {
                    bad.add(new JobSpecException.Violation("camera.targetDomain", model.targetDomain(), "a photo set with photos"));
                }
            } catch (RuntimeException e) {
                bad.add(new JobSpecException.Violation("camera.targetDomain", model.targetDomain(),
                        "an uploaded photo set (asset:HASH): " + e.getMessage()));
            }
        }
        for (int i = 0; i < model.refiners().size(); i++) {
            RefinerSpec r = model.refiners().get(i);
            if (r.model() != null) {
                try {
                    models.apply(r.model());
                } catch (RuntimeException e) {
                    bad.add(new JobSpecException.Violation("camera.refiners[" + i + "].model", r.model(),
                            "an uploaded ONNX model (asset:HASH): " + e.getMessage()));
                }
            }
        }
        return bad.size() > before ? model : new CameraModel(model.lens(), sensor, model.depthSensor(), model.refiners(),
                model.targetDomain());
    }
}
