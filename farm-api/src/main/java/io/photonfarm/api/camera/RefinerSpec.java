package io.photonfarm.api.camera;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.photonfarm.api.job.JobSpecException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One photometric refiner: it changes pixel values only, never geometry, so every label of a frame
 * stays valid. Refiners run in the order the job lists them, on display-referred sRGB values in
 * [0, 1] after the sensor's processing.
 *
 * <ul>
 *   <li>{@value #FDA}: Fourier domain adaptation (Yang and Soatto, CVPR 2020): the frame's
 *       low-frequency amplitude spectrum is replaced by that of a target photograph (chosen per
 *       frame from the job seed); {@code beta} sets the size of the swapped square.</li>
 *   <li>{@value #REINHARD}: colour transfer (Reinhard et al. 2001): per-channel means and standard
 *       deviations matched to the target set's pooled statistics in CIELAB.</li>
 *   <li>{@value #HISTOGRAM}: per-channel histogram matching to the target set's pooled histogram.</li>
 *   <li>{@value #ONNX}: a learned image-to-image model, run tile by tile; needs no target set.</li>
 * </ul>
 *
 * <p>Optional fields are null when not given; the {@code ...OrDefault} accessors give what a
 * refiner uses.
 *
 * @param kind     {@value #FDA}, {@value #REINHARD}, {@value #HISTOGRAM} or {@value #ONNX}
 * @param beta     fda only: half-width of the swapped low-frequency square as a fraction of the
 *                 frame's shorter side, in (0, 0.5]; null for {@value #DEFAULT_BETA}
 * @param strength blend between the input (0) and the fully refined image (1); null for 1
 * @param model    onnx only: the model as an uploaded asset ({@code asset:} and the file's hex SHA-256)
 * @param tileSize onnx only: edge of the square tile each model run produces, pixels; null for
 *                 {@value #DEFAULT_TILE_SIZE}; a model with a fixed input size uses that size instead
 * @param overlap  onnx only: context each tile reads beyond its edges and then crops, pixels; at least
 *                 the model's receptive-field radius for seamless output; null for {@value #DEFAULT_OVERLAP}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefinerSpec(String kind, Double beta, Double strength, String model, Integer tileSize, Integer overlap) {
    public static final String FDA = "fda";
    public static final String REINHARD = "reinhard";
    public static final String HISTOGRAM = "histogram";
    public static final String ONNX = "onnx";
    /** The swapped square's default half-width: the paper's smallest setting. */
    public static final double DEFAULT_BETA = 0.01;
    public static final double MAX_BETA = 0.5;
    public static final int DEFAULT_TILE_SIZE = 256;
    public static final int MIN_TILE_SIZE = 16;
    public static final int MAX_TILE_SIZE = 4096;
    public static final int DEFAULT_OVERLAP = 16;
    public static final int MAX_OVERLAP = 1024;
    private static final Pattern MODEL_REF = Pattern.compile("asset:[0-9a-f]{64}");

    /** A Fourier domain adaptation refiner with the given beta. */
    public static RefinerSpec fda(double beta) {
        return new RefinerSpec(FDA, beta, null, null, null, null);
    }

    /** A Reinhard colour transfer refiner. */
    public static RefinerSpec reinhard() {
        return new RefinerSpec(REINHARD, null, null, null, null, null);
    }

    /** A histogram matching refiner. */
    public static RefinerSpec histogram() {
        return new RefinerSpec(HISTOGRAM, null, null, null, null, null);
    }

    /** A learned refiner: the model asset, tile edge and overlap in pixels. */
    public static RefinerSpec onnx(String model, int tileSize, int overlap) {
        return new RefinerSpec(ONNX, null, null, model, tileSize, overlap);
    }

    /** This spec with {@code s} as its strength. */
    public RefinerSpec withStrength(double s) {
        return new RefinerSpec(kind, beta, s, model, tileSize, overlap);
    }

    public double betaOrDefault() {
        return beta == null ? DEFAULT_BETA : beta;
    }

    public double strengthOrDefault() {
        return strength == null ? 1.0 : strength;
    }

    public int tileSizeOrDefault() {
        return tileSize == null ? DEFAULT_TILE_SIZE : tileSize;
    }

    public int overlapOrDefault() {
        return overlap == null ? DEFAULT_OVERLAP : overlap;
    }

    /**
     * Adds a violation for every bad field to {@code bad}, each named {@code field.name}.
     *
     * @param field the JSON path of this refiner as the client wrote it, e.g. {@code camera.refiners[0]}
     */
    public void check(String field, List<JobSpecException.Violation> bad) {
        if (!FDA.equals(kind) && !REINHARD.equals(kind) && !HISTOGRAM.equals(kind) && !ONNX.equals(kind)) {
            bad.add(new JobSpecException.Violation(field + ".kind", String.valueOf(kind),
                    "one of " + FDA + ", " + REINHARD + ", " + HISTOGRAM + ", " + ONNX));
            return;
        }
        if (strength != null && !(strength >= 0 && strength <= 1)) {
            bad.add(new JobSpecException.Violation(field + ".strength", num(strength), "[0, 1]"));
        }
        onlyFor(FDA, field + ".beta", beta, bad);
        if (beta != null && FDA.equals(kind) && !(beta > 0 && beta <= MAX_BETA)) {
            bad.add(new JobSpecException.Violation(field + ".beta", num(beta), "(0, " + MAX_BETA + "]"));
        }
        onlyFor(ONNX, field + ".model", model, bad);
        onlyFor(ONNX, field + ".tileSize", tileSize, bad);
        onlyFor(ONNX, field + ".overlap", overlap, bad);
        if (!ONNX.equals(kind)) {
            return;
        }
        if (model == null || !MODEL_REF.matcher(model).matches()) {
            bad.add(new JobSpecException.Violation(field + ".model", String.valueOf(model),
                    "an uploaded ONNX model: asset: and 64 lower-case hex digits"));
        }
        if (tileSize != null && (tileSize < MIN_TILE_SIZE || tileSize > MAX_TILE_SIZE)) {
            bad.add(new JobSpecException.Violation(field + ".tileSize", tileSize.toString(), MIN_TILE_SIZE + ".." + MAX_TILE_SIZE));
        }
        int maxOverlap = Math.min(MAX_OVERLAP, tileSizeOrDefault());
        if (overlap != null && (overlap < 0 || overlap > maxOverlap)) {
            bad.add(new JobSpecException.Violation(field + ".overlap", overlap.toString(), "0.." + maxOverlap + " (at most the tile size)"));
        }
    }

    /** Whether this refiner needs the job's target domain: all but the learned one. */
    public boolean needsTarget() {
        return !ONNX.equals(kind);
    }

    private void onlyFor(String owner, String name, Object value, List<JobSpecException.Violation> bad) {
        if (value != null && !owner.equals(kind)) {
            bad.add(new JobSpecException.Violation(name, String.valueOf(value), "absent: only a " + owner + " refiner takes it"));
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
