package io.photonfarm.sensor;

import io.photonfarm.api.camera.ExposureStage;
import io.photonfarm.api.camera.IspStage;
import io.photonfarm.api.camera.OutputStage;
import io.photonfarm.api.camera.SensorProfile;
import io.photonfarm.api.camera.SensorStage;
import io.photonfarm.image.FloatImage;
import java.util.List;

/** Small synthetic linear images and profiles the tests share. */
final class TestScenes {
    private TestScenes() {
    }

    /** Every pixel the same colour. */
    static FloatImage flat(int w, int h, double r, double g, double b) {
        FloatImage img = FloatImage.blank(w, h, 3);
        float[] d = img.data();
        for (int i = 0; i < d.length; i += 3) {
            d[i] = (float) r;
            d[i + 1] = (float) g;
            d[i + 2] = (float) b;
        }
        return img;
    }

    /**
     * A smooth natural-looking image: a luminance pattern (sinusoids of periods 14 to 31 pixels) times a
     * colour that changes slowly (periods over 100 pixels), so the channels share their detail as in
     * photographs of real surfaces.
     */
    static FloatImage smooth(int w, int h) {
        FloatImage img = FloatImage.blank(w, h, 3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double luma = 0.5 + 0.25 * Math.sin(2 * Math.PI * (x / 19.0 + y / 31.0))
                        + 0.15 * Math.cos(2 * Math.PI * (x / 23.0 - y / 14.0));
                img.set(x, y, 0, (float) (luma * (0.8 + 0.15 * Math.sin(2 * Math.PI * x / 130.0))));
                img.set(x, y, 1, (float) (luma * (0.85 + 0.1 * Math.cos(2 * Math.PI * y / 110.0))));
                img.set(x, y, 2, (float) (luma * (0.7 + 0.2 * Math.sin(2 * Math.PI * (x + y) / 170.0))));
            }
        }
        return img;
    }

    /** A scene: a horizontal gradient with a bright disc, radiance 0.02 to about 1. */
    static FloatImage scene(int w, int h, double scale) {
        FloatImage img = FloatImage.blank(w, h, 3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double base = 0.02 + 0.5 * x / w;
                double dx = x - w * 0.6;
                double dy = y - h * 0.4;
                boolean disc = dx * dx + dy * dy < (h * 0.2) * (h * 0.2);
                img.set(x, y, 0, (float) (scale * (disc ? 0.9 : base * 0.8)));
                img.set(x, y, 1, (float) (scale * (disc ? 0.7 : base)));
                img.set(x, y, 2, (float) (scale * (disc ? 0.3 : base * 1.2)));
            }
        }
        return img;
    }

    /** A nearly noise-free 16-bit sensor (huge electron counts, no read noise), black 0, RGGB unless told. */
    static SensorStage cleanSensor(String cfa) {
        return new SensorStage(cfa, 16, 0, 0.001, 0.0, null, null, null, null, null, null, null);
    }

    /** An ISP that changes nothing but the mosaic: no white balance, identity colour, gamma 1, linear tone, PNG. */
    static IspStage plainIsp(String demosaic) {
        return new IspStage(IspStage.WB_NONE, null, demosaic, List.of(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0), 1.0,
                IspStage.TONE_LINEAR, null, null, null, null);
    }

    static SensorProfile profile(ExposureStage exposure, SensorStage sensor, IspStage isp, OutputStage outputs) {
        return new SensorProfile(1, null, "test", null, exposure, sensor, isp, outputs);
    }
}
