package io.photonfarm.sensor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.camera.SensorProfile;
import io.photonfarm.api.job.JobSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in sensor profiles, read once from the resources {@code io/photonfarm/sensor/presets/NAME.json}.
 * Their numbers are typical of the class of camera, not of one product:
 *
 * <ul>
 *   <li>{@code phone-daylight}: a phone's main camera in daylight. 10-bit RGGB, 1.0 µm-class pixels (full
 *       well 6000 e⁻, a = 0.16 DN/e⁻, read noise about 2 e⁻), base ISO 50; auto-exposure to 15% of full scale
 *       within 1/8000..1/30 s and ISO 50..800; mild residual vignetting; response white balance,
 *       Malvar demosaicing, s-curve, moderate sharpening, JPEG 92.</li>
 *   <li>{@code phone-lowlight}: the same camera indoors at dusk: about 1/300 of the daylight photon flux,
 *       exposure up to 1/15 s, ISO up to 3200, dark current 20 e⁻/s; grey-world white balance; JPEG 90.
 *       No noise reduction: the noise a denoiser must learn stays in the image.</li>
 *   <li>{@code industrial-mono-12bit}: a machine-vision monochrome camera. 12-bit, 5.9 µm-class pixels
 *       (full well 30000 e⁻, a = 0.134 DN/e⁻, read noise 6 e⁻), linear output (gamma 1), lossless PNG, and
 *       the raw frame kept.</li>
 *   <li>{@code webcam-jpeg}: a cheap webcam. 10-bit RGGB, small pixels (full well 4500 e⁻, read noise 4 e⁻),
 *       strong vignetting and lateral chromatic aberration, row banding, grey-world white balance, bilinear
 *       demosaicing, strong sharpening and JPEG at quality 45.</li>
 * </ul>
 */
public final class SensorPresets {
    private static final List<String> NAMES = List.of("phone-daylight", "phone-lowlight", "industrial-mono-12bit", "webcam-jpeg");
    /** Immutable after loading: the presets are part of the code, not configuration. */
    private static final Map<String, SensorProfile> PRESETS = load();

    private SensorPresets() {
    }

    /** The presets' names, in a fixed order. */
    public static List<String> names() {
        return NAMES;
    }

    /** The preset of that name, as stored (a complete profile without a preset of its own). */
    public static Optional<SensorProfile> get(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    /**
     * A profile with its preset (if any) applied: the preset's stages, replaced stage by stage by the
     * profile's own non-null stages; version filled in.
     *
     * @throws IllegalArgumentException naming an unknown preset; a {@link JobSpecException} (fields named
     *                                  from {@code sensor}) when the result breaks a rule
     */
    public static SensorProfile resolve(SensorProfile profile) {
        return resolve(profile, "sensor");
    }

    /**
     * As {@link #resolve(SensorProfile)}, naming fields from {@code field} (e.g. {@code camera.sensor}).
     *
     * @throws JobSpecException (an IllegalArgumentException) naming an unknown preset or any broken rule
     */
    public static SensorProfile resolve(SensorProfile profile, String field) {
        SensorProfile resolved;
        if (profile.preset() == null) {
            resolved = profile.over(profile);
        } else {
            SensorProfile preset = PRESETS.get(profile.preset());
            if (preset == null) {
                throw new JobSpecException(List.of(new JobSpecException.Violation(field + ".preset", profile.preset(),
                        "a built-in preset: one of " + String.join(", ", NAMES))));
            }
            resolved = profile.over(preset);
        }
        List<JobSpecException.Violation> bad = new ArrayList<>();
        resolved.checkResolved(field, bad);
        if (!bad.isEmpty()) {
            throw new JobSpecException(bad);
        }
        return resolved;
    }

    private static Map<String, SensorProfile> load() {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, SensorProfile> out = new LinkedHashMap<>();
        for (String name : NAMES) {
            String resource = "presets/" + name + ".json";
            try (InputStream in = SensorPresets.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing preset resource " + resource);
                }
                SensorProfile p = json.readValue(in, SensorProfile.class);
                List<JobSpecException.Violation> bad = new ArrayList<>();
                p.checkResolved("presets/" + name, bad);
                if (!bad.isEmpty() || p.preset() != null) {
                    throw new IllegalStateException("preset " + name + " is broken: " + bad + (p.preset() != null ? " (names a preset)" : ""));
                }
                out.put(name, p);
            } catch (IOException e) {
                throw new UncheckedIOException("reading preset " + resource, e);
            }
        }
        return Map.copyOf(out);
    }
}
