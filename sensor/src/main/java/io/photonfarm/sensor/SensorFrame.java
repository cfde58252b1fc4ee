package io.photonfarm.sensor;

import io.photonfarm.image.FloatImage;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One frame after the camera.
 *
 * @param display    the display-referred image in [0, 1] (3 channels, or 1 for a monochrome sensor), exactly as
 *                   {@code image} decodes: JPEG artefacts included, 8-bit steps
 * @param image      the encoded display image, {@code rgb.png} or {@code rgb.jpg}
 * @param raw        {@code raw.png}, the raw mosaic as a 16-bit grey PNG (black level included, values at the
 *                   sensor's bit depth), or null when the profile does not keep it
 * @param linear     the clean linear image (camera RGB or monochrome, after optics and exposure, without noise, as a
 *                   fraction of full scale above black), or null when the profile does not keep it
 * @param parameters every stage parameter and every per-frame choice, JSON-ready (maps, lists, numbers, strings,
 *                   booleans), for the frame's meta.json
 * @param timings    the stages in the order they ran
 */
public record SensorFrame(FloatImage display, EncodedImage image, EncodedImage raw, FloatImage linear,
        Map<String, Object> parameters, List<StageTiming> timings) {
    public SensorFrame {
        parameters = Collections.unmodifiableMap(parameters); // keeps the stages' order, unlike Map.copyOf
        timings = List.copyOf(timings);
    }
}
