package io.photonfarm.sensor;

import io.photonfarm.api.camera.SensorProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters a frame's meta.json records: every effective stage parameter (defaults filled in)
 * and every per-frame choice, as maps, lists, numbers, strings and booleans that any JSON writer
 * can serialise. Enough to reproduce the frame from its linear radiance.
 */
final class FrameParameters {
    /** Names the random draws' definition; change it whenever the noise of a given seed changes. */
    static final String GENERATOR = "splitmix64-counter-v1: hash(seed, frame, stream, pixel, draw); "
            + "normal by Wichura AS241, Poisson by inversion below mean 10 and Hormann PTRS above";

    private FrameParameters() {
    }

    /** The per-frame choices of the pipeline, gathered as it runs. */
    record Choices(Exposure.Choice exposure, SensorReadout.NoiseModel noise, double[] whiteBalanceGains) {
    }

    static Map<String, Object> of(SensorProfile profile, EffectiveProfile p, long jobSeed, int frame, int width, int height,
            Choices choices) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("version", profile.version() == null ? SensorProfile.CURRENT_VERSION : profile.version());
        putIfPresent(source, "preset", profile.preset());
        putIfPresent(source, "name", profile.name());
        out.put("profile", source);
        out.put("random", ordered("jobSeed", jobSeed, "frame", frame, "generator", GENERATOR));
        out.put("size", List.of(width, height));
        if (p.optics() != null) {
            out.put("optics", ordered("cos4FieldOfView", p.optics().cos4FieldOfView(), "vignetting", list(p.optics().vignetting()),
                    "lateralChromaticRed", p.optics().chromaticRed(), "lateralChromaticBlue", p.optics().chromaticBlue()));
        }
        out.put("exposure", exposure(p.exposure(), choices.exposure()));
        out.put("sensor", sensor(p.sensor(), choices.noise()));
        out.put("isp", isp(p.isp(), p.sensor(), choices.whiteBalanceGains()));
        out.put("outputs", ordered("raw", p.keepRaw(), "linear", p.keepLinear()));
        return out;
    }

    private static Map<String, Object> exposure(EffectiveProfile.Exposure e, Exposure.Choice c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", !e.present() ? "none" : e.auto() ? "auto" : "manual");
        if (e.present()) {
            m.put("exposureTime", c.time());
            m.put("iso", c.iso());
            m.put("meteredRadiance", c.meteredRadiance());
            if (e.auto()) {
                m.put("targetMean", e.targetMean());
                m.put("minExposureTime", e.minTime());
                m.put("maxExposureTime", e.maxTime());
                m.put("maxIso", e.maxIso());
            }
            m.put("electronsPerRadianceSecond", e.electronsPerRadianceSecond());
        }
        m.put("gain", c.gain());
        m.put("electronsPerRadiance", c.electronsPerRadiance());
        m.put("fullWellElectrons", e.fullWell());
        return m;
    }

    private static Map<String, Object> sensor(EffectiveProfile.Sensor s, SensorReadout.NoiseModel noise) {
        if (s.ideal()) {
            return ordered("ideal", true, "a", s.a(), "fullScale", s.fullScale());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cfa", s.cfa() == null ? "none" : s.cfa().name());
        m.put("bitDepth", s.bitDepth());
        m.put("blackLevel", s.blackLevel());
        m.put("whiteLevel", s.whiteLevel());
        m.put("a", s.a());
        m.put("b", s.b());
        // The noise model at this frame's gain, in DN at the bit depth: var = a * (raw - black) + b.
        m.put("noiseModel", ordered("a", noise.a(), "b", noise.b(), "readNoiseSigma", noise.readSigma()));
        m.put("rowNoiseShare", s.rowNoiseShare());
        m.put("darkCurrent", s.darkCurrent());
        m.put("prnu", s.prnu());
        m.put("dsnu", s.dsnu());
        m.put("seed", s.seed());
        m.put("baseIso", s.baseIso());
        if (!s.monochrome()) {
            m.put("colorResponse", list(s.response()));
        }
        return m;
    }

    private static Map<String, Object> isp(EffectiveProfile.Isp i, EffectiveProfile.Sensor s, double[] gains) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!s.monochrome()) {
            m.put("whiteBalance", i.whiteBalance());
            m.put("whiteBalanceGains", list(gains));
            if (s.cfa() != null) {
                m.put("demosaic", i.demosaic());
            }
            m.put("ccm", list(i.ccm()));
        }
        m.put("gamma", i.gamma() == 0 ? "srgb" : i.gamma());
        m.put("toneCurve", i.sCurve() ? "s-curve" : "linear");
        if (i.sCurve()) {
            m.put("contrast", i.contrast());
        }
        m.put("sharpen", i.sharpen());
        if (i.sharpen() > 0) {
            m.put("sharpenRadius", i.sharpenRadius());
        }
        m.put("encoding", i.jpegQuality() == null ? "png" : "jpeg");
        if (i.jpegQuality() != null) {
            m.put("jpegQuality", i.jpegQuality());
        }
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static List<Double> list(double[] values) {
        return Matrix3.toList(values);
    }
}
