package io.photonfarm.api.camera;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.photonfarm.api.job.JobSpecException.Violation;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A camera sensor and its image signal processor, versioned, applied to a frame's assembled linear
 * radiance. The stages run in physical order: {@link OpticsStage optics} (vignetting, lateral
 * chromatic aberration), {@link ExposureStage exposure} (time, gain, auto-exposure, full well),
 * {@link SensorStage sensor} (colour filters, noise, ADC), {@link IspStage isp} (white balance,
 * demosaicing, colour, tone, sharpening, encoding), and {@link OutputStage outputs} (which extra
 * images a frame keeps). Every stage is optional: an absent one is skipped (optics), takes the
 * identity (exposure: radiance 1 is full scale; sensor: an ideal noise-free 3-channel sensor) or
 * its defaults (isp, outputs).
 *
 * <p>A profile may start from a built-in preset: the preset's stages, each replaced as a whole by
 * this profile's own non-null stage ({@link #over}). The farm resolves presets when it accepts a
 * job; this record cannot see them, so {@link #check} checks a preset's name only for its form.
 *
 * @param version the profile format's version: {@value #CURRENT_VERSION} (absent means current)
 * @param preset  a built-in profile this one starts from (lower case letters, digits and '-'), or absent
 * @param name    a label for the profile, at most 200 characters, or absent
 * @param optics  the lens's vignetting and lateral chromatic aberration, or absent
 * @param exposure exposure time, gain or auto-exposure, full well; or absent
 * @param sensor  colour filter array, noise model, ADC; or absent for an ideal sensor (3 channels, no noise or
 *                quantisation, its full scale the exposure's full well: 10000 electrons unless given)
 * @param isp     the image signal processor, or absent for its defaults
 * @param outputs the extra images a frame keeps, or absent for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SensorProfile(Integer version, String preset, String name, OpticsStage optics, ExposureStage exposure,
        SensorStage sensor, IspStage isp, OutputStage outputs) {

    /** The profile format this code reads and writes. */
    public static final int CURRENT_VERSION = 1;
    /** The form of a preset's name. */
    public static final Pattern PRESET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** A profile that only names a preset. */
    public static SensorProfile ofPreset(String preset) {
        return new SensorProfile(CURRENT_VERSION, preset, null, null, null, null, null, null);
    }

    /**
     * This profile's stages over {@code base}'s: each non-null stage of this profile replaces the
     * base's whole stage. The result carries this profile's preset, the name of this profile (or
     * else the base's) and the current version.
     */
    public SensorProfile over(SensorProfile base) {
        return new SensorProfile(CURRENT_VERSION, preset, name != null ? name : base.name,
                optics != null ? optics : base.optics, exposure != null ? exposure : base.exposure,
                sensor != null ? sensor : base.sensor, isp != null ? isp : base.isp, outputs != null ? outputs : base.outputs);
    }

    /** Whether the frame keeps the raw mosaic. */
    public boolean keepsRaw() {
        return outputs != null && Boolean.TRUE.equals(outputs.raw());
    }

    /** Whether the frame keeps the clean linear image. */
    public boolean keepsLinear() {
        return outputs != null && Boolean.TRUE.equals(outputs.linear());
    }

    /**
     * Adds a violation for every bad field to {@code bad}, each named {@code field.stage.name}. Rules
     * that relate stages are checked only without a preset, whose stages are not known here; see
     * {@link #checkResolved}.
     *
     * @param field the JSON name of this object as the client wrote it, e.g. {@code camera.sensor}
     */
    public void check(String field, List<Violation> bad) {
        checkFields(field, bad);
        if (preset == null) {
            checkAcrossStages(field, bad);
        }
    }

    /** Like {@link #check}, with the rules across stages too: for a profile whose preset is already applied. */
    public void checkResolved(String field, List<Violation> bad) {
        checkFields(field, bad);
        checkAcrossStages(field, bad);
    }

    private void checkFields(String field, List<Violation> bad) {
        if (version != null && version != CURRENT_VERSION) {
            bad.add(new Violation(field + ".version", version.toString(), Integer.toString(CURRENT_VERSION)));
        }
        if (preset != null && !PRESET_NAME.matcher(preset).matches()) {
            bad.add(new Violation(field + ".preset", preset,
                    "a preset's name: 1 to 64 lower case letters, digits and '-', not starting with '-'"));
        }
        if (name != null && name.length() > 200) {
            bad.add(new Violation(field + ".name", name.substring(0, 40) + "...", "at most 200 characters"));
        }
        if (optics != null) {
            optics.check(field + ".optics", bad);
        }
        if (exposure != null) {
            exposure.check(field + ".exposure", bad);
        }
        if (sensor != null) {
            sensor.check(field + ".sensor", bad);
        }
        if (isp != null) {
            isp.check(field + ".isp", bad);
        }
    }

    private void checkAcrossStages(String field, List<Violation> bad) {
        if (keepsRaw() && sensor == null) {
            bad.add(new Violation(field + ".outputs.raw", "true", "false without a sensor stage (an ideal sensor has no mosaic)"));
        }
        double baseIso = sensor == null || sensor.baseIso() == null ? SensorStage.DEFAULT_BASE_ISO : sensor.baseIso();
        if (exposure != null && exposure.auto()) {
            double maxIso = exposure.maxIso() == null ? ExposureStage.DEFAULT_MAX_ISO : exposure.maxIso();
            if (maxIso < baseIso) {
                bad.add(new Violation(field + ".exposure.maxIso", Double.toString(maxIso), "at least the sensor's base ISO (" + baseIso + ")"));
            }
        }
    }
}
