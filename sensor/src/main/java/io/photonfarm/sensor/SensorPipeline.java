package io.photonfarm.sensor;

import io.photonfarm.api.camera.SensorProfile;
import io.photonfarm.image.FloatImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A camera: a resolved {@link SensorProfile} applied to rendered linear radiance. Stages run in
 * physical order (optics, exposure, sensor, black level, white balance, demosaic, colour, sharpen, encode,
 * raw),
 * each parallel over rows in the caller's fork-join pool.
 *
 * <p>Deterministic: every random draw is a function of (job seed, frame, stream, pixel, draw index),
 * the fixed pattern of (sensor seed, pixel), so a frame's outputs are bit-identical on any thread
 * count, and its raw noise the same on any machine (transcendentals through StrictMath; the encoded
 * files depend on the Java runtime's image codecs too). Thread-safe, its only state a cache of the
 * sensor's fixed pattern: one pipeline serves any number of frames at once.
 */
public final class SensorPipeline {
    private static final int MAX_PATTERN_SIZES = 4;
    private final SensorProfile profile;
    private final EffectiveProfile settings;
    private final DisplayTransform transform;
    private final Demosaic demosaic;
    /** The sensor's fixed pattern by image size (width << 32 | height): it never changes, so frames share it. */
    private final Map<Long, FixedPattern> patterns = new ConcurrentHashMap<>();

    /**
     * @param resolvedProfile a profile whose preset, if any, is applied ({@link SensorPresets#resolve}); an
     *                        unresolved one is resolved here
     * @throws io.photonfarm.api.job.JobSpecException when the profile breaks a rule or names an unknown preset
     */
    public SensorPipeline(SensorProfile resolvedProfile) {
        // Resolving is idempotent (a resolved stage is the profile's own or the preset's either way), so
        // resolving again costs nothing and makes a profile passed unresolved mean what it says.
        this.profile = SensorPresets.resolve(resolvedProfile);
        this.settings = EffectiveProfile.of(profile);
        EffectiveProfile.Isp isp = settings.isp();
        this.transform = new DisplayTransform(settings.sensor().monochrome() ? null : isp.ccm(), isp.gamma(), isp.sCurve(),
                isp.contrast());
        this.demosaic = Demosaic.named(isp.demosaic());
    }

    /** The profile this pipeline runs. */
    public SensorProfile profile() {
        return profile;
    }

    /**
     * Runs the camera on one frame.
     *
     * @param linearRgb scene-referred linear radiance as rendered, 3 channels (not modified)
     * @param jobSeed   the job's seed
     * @param frame     the frame number
     */
    public SensorFrame process(FloatImage linearRgb, long jobSeed, int frame) {
        if (linearRgb.channels() != 3) {
            throw new IllegalArgumentException("the sensor takes 3-channel linear RGB, got " + linearRgb.channels() + " channels");
        }
        int w = linearRgb.width();
        int h = linearRgb.height();
        Timings timings = new Timings((long) w * h);
        EffectiveProfile.Sensor sensor = settings.sensor();
        EffectiveProfile.Exposure exposure = settings.exposure();

        FloatImage radiance = settings.optics() == null ? linearRgb
                : timings.time("optics", () -> Optics.apply(linearRgb, settings.optics()));

        Exposed exposed = timings.time("exposure", () -> {
            Exposure.Choice c = Exposure.choose(radiance, exposure, sensor);
            return new Exposed(c, Exposure.electrons(radiance, sensor, c));
        });
        Exposure.Choice choice = exposed.choice();
        FloatImage electrons = exposed.electrons();
        FloatImage linear = settings.keepLinear() || sensor.ideal()
                ? timings.time("linear", () -> Exposure.clean(electrons, sensor, exposure.fullWell(), choice)) : null;

        SensorReadout.NoiseModel noise = SensorReadout.NoiseModel.of(sensor, choice.gain());
        int[] raw = null;
        FloatImage camera;
        if (sensor.ideal()) {
            camera = settings.keepLinear() ? copy(linear) : linear;
        } else {
            raw = timings.time("sensor", () -> SensorReadout.read(electrons, sensor, fixedPattern(w, h), choice, exposure.fullWell(),
                    jobSeed, frame));
            int[] mosaic = raw;
            camera = timings.time("black-level", () -> normalise(mosaic, w, h, sensor));
        }

        double[] gains = {1, 1, 1};
        if (!sensor.monochrome()) {
            FloatImage toBalance = camera;
            gains = timings.time("white-balance", () -> {
                double[] g = WhiteBalance.gains(settings.isp(), sensor, toBalance, sensor.cfa());
                WhiteBalance.apply(toBalance, sensor.cfa(), g);
                return g;
            });
        }
        if (sensor.cfa() != null) {
            float[] mosaic = camera.data();
            camera = timings.time("demosaic", () -> demosaic.apply(mosaic, w, h, sensor.cfa()));
        }
        FloatImage balanced = camera;
        FloatImage display = timings.time("color", () -> transform.apply(balanced));
        if (settings.isp().sharpen() > 0) {
            FloatImage unsharp = display;
            display = timings.time("sharpen", () -> Sharpen.apply(unsharp, settings.isp().sharpen(), settings.isp().sharpenRadius()));
        }
        FloatImage toEncode = display;
        Encoded encoded = timings.time("encode", () -> encodeAndDecode(toEncode));
        EncodedImage rawPng = null;
        if (settings.keepRaw()) {
            int[] mosaic = raw;
            rawPng = timings.time("raw", () -> ImageCodec.encodeRaw(mosaic, w, h));
        }
        Map<String, Object> parameters = FrameParameters.of(profile, settings, jobSeed, frame, w, h,
                new FrameParameters.Choices(choice, noise, gains));
        return new SensorFrame(encoded.display(), encoded.image(), rawPng, settings.keepLinear() ? linear : null, parameters,
                timings.list);
    }

    /**
     * Encodes a display image the way this profile's frames are written: an 8-bit PNG (grey for a
     * monochrome sensor) or a JPEG at the profile's quality.
     *
     * @param display values in [0, 1] (clipped), 1 channel for a monochrome sensor, else 3
     */
    public EncodedImage encode(FloatImage display) {
        int channels = settings.sensor().channels();
        if (display.channels() != channels) {
            throw new IllegalArgumentException("this profile's display images have " + channels + " channels, got "
                    + display.channels());
        }
        return ImageCodec.encode(ImageCodec.quantise(display), display.width(), display.height(), channels,
                settings.isp().jpegQuality(), settings.isp().gamma());
    }

    private record Exposed(Exposure.Choice choice, FloatImage electrons) {
    }

    private record Encoded(EncodedImage image, FloatImage display) {
    }

    private Encoded encodeAndDecode(FloatImage display) {
        byte[] codes = ImageCodec.quantise(display);
        int channels = display.channels();
        EncodedImage image = ImageCodec.encode(codes, display.width(), display.height(), channels, settings.isp().jpegQuality(),
                settings.isp().gamma());
        // A PNG decodes to exactly its codes; only a JPEG needs decoding to show its artefacts.
        FloatImage shown = settings.isp().jpegQuality() == null
                ? ImageCodec.fromCodes(codes, display.width(), display.height(), channels)
                : ImageCodec.decode(image.bytes(), channels);
        return new Encoded(image, shown);
    }

    /** Raw DN to signal as a fraction of full scale: (DN - black) / (white - black); noise may go below 0. */
    private static FloatImage normalise(int[] raw, int w, int h, EffectiveProfile.Sensor s) {
        float[] out = new float[raw.length];
        float black = s.blackLevel();
        double inv = 1 / s.fullScale();
        Rows.forEach(h, y -> {
            for (int i = y * w, end = i + w; i < end; i++) {
                out[i] = (float) ((raw[i] - black) * inv);
            }
        });
        return new FloatImage(w, h, 1, out);
    }

    private FixedPattern fixedPattern(int w, int h) {
        if (patterns.size() > MAX_PATTERN_SIZES) {
            patterns.clear(); // a job has one size; many sizes mean a caller reusing one pipeline widely
        }
        return patterns.computeIfAbsent(((long) w << 32) | h, k -> FixedPattern.of(settings.sensor(), w, h));
    }

    private static FloatImage copy(FloatImage img) {
        return new FloatImage(img.width(), img.height(), img.channels(), img.data().clone());
    }

    /** Stage timings of one frame, in order. */
    private static final class Timings {
        final List<StageTiming> list = new ArrayList<>();
        final long pixels;

        Timings(long pixels) {
            this.pixels = pixels;
        }

        <T> T time(String stage, Supplier<T> work) {
            long start = System.nanoTime();
            T result = work.get();
            list.add(new StageTiming(stage, System.nanoTime() - start, pixels));
            return result;
        }
    }
}
