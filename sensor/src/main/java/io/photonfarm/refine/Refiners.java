package io.photonfarm.refine;

import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.image.FloatImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Makes refiners from their specs and applies a job's chain of them. */
public final class Refiners {
    private Refiners() {
    }

    /**
     * The refiner a spec asks for. The caller owns it and closes it.
     *
     * @param spec       a refiner spec; checked again here
     * @param target     the job's target set; may be null only for a refiner that needs none ({@code onnx})
     * @param modelFiles resolves a model reference ({@code asset:HASH}) to a local file; asked only for {@code onnx}
     * @throws JobSpecException         when the spec is invalid
     * @throws IllegalArgumentException when the refiner needs a target set and none is given, or the model cannot be loaded
     */
    public static Refiner create(RefinerSpec spec, TargetDomain target, Function<String, Path> modelFiles) {
        List<JobSpecException.Violation> bad = new ArrayList<>();
        spec.check("refiner", bad);
        if (!bad.isEmpty()) {
            throw new JobSpecException(bad);
        }
        if (spec.needsTarget() && target == null) {
            throw new IllegalArgumentException("a " + spec.kind() + " refiner needs a target set of photos; none was given");
        }
        double strength = spec.strengthOrDefault();
        return switch (spec.kind()) {
            case RefinerSpec.FDA -> new FourierDomainAdaptation(target, spec.betaOrDefault(), strength);
            case RefinerSpec.REINHARD -> new ColourTransfer(target, strength);
            case RefinerSpec.HISTOGRAM -> new HistogramMatching(target, strength);
            case RefinerSpec.ONNX -> new OnnxRefiner(spec.model(), modelFiles.apply(spec.model()), spec.tileSizeOrDefault(),
                    spec.overlapOrDefault(), strength);
            default -> throw new IllegalArgumentException("unknown refiner kind " + spec.kind());
        };
    }

    /** {@code display} through every refiner in order (the job's list order). */
    public static FloatImage applyAll(List<Refiner> refiners, FloatImage display, long jobSeed, int frame) {
        FloatImage img = display;
        for (Refiner r : refiners) {
            img = r.refine(img, jobSeed, frame);
        }
        return img;
    }
}
