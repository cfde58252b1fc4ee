package io.photonfarm.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.camera.OutputStage;
import io.photonfarm.image.FloatImage;
import org.junit.jupiter.api.Test;

class DemosaicTest {
    /**
     * Malvar-He-Cutler must reach this PSNR on the smooth test image (it reaches about 44.4 dB, bilinear
     * about 39.7 dB) and beat bilinear by {@link #MALVAR_MIN_GAIN_DB}.
     */
    private static final double MALVAR_MIN_PSNR_DB = 42;
    private static final double MALVAR_MIN_GAIN_DB = 3;

    @Test
    void malvarHeCutlerRestoresASmoothImageAbove42DecibelsAndBeatsBilinearBy3InEveryPattern() {
        FloatImage truth = TestScenes.smooth(96, 80);
        for (CfaPattern cfa : CfaPattern.values()) {
            float[] mosaic = cfa.mosaic(truth);
            double malvar = psnr(truth, new MalvarHeCutler().apply(mosaic, 96, 80, cfa));
            double bilinear = psnr(truth, new BilinearDemosaic().apply(mosaic, 96, 80, cfa));
            assertTrue(malvar > MALVAR_MIN_PSNR_DB, cfa + ": Malvar-He-Cutler " + malvar + " dB");
            assertTrue(malvar > bilinear + MALVAR_MIN_GAIN_DB, cfa + ": Malvar-He-Cutler " + malvar + " dB against bilinear " + bilinear + " dB");
        }
    }

    @Test
    void aFlatColourSurvivesMosaicAndDemosaicExactlyUpToTheBorders() {
        FloatImage truth = TestScenes.flat(9, 7, 0.2, 0.5, 0.8);
        for (CfaPattern cfa : CfaPattern.values()) {
            FloatImage back = new MalvarHeCutler().apply(cfa.mosaic(truth), 9, 7, cfa);
            for (int i = 0; i < back.data().length; i++) {
                assertEquals(truth.data()[i], back.data()[i], 1e-6, cfa + " at value " + i);
            }
        }
    }

    @Test
    void everyCfaPatternPutsEachColourWhereItsNameSaysInTheRawAndTheImage() {
        double[] colour = {0.2, 0.5, 0.8};
        String letters = "RGB";
        for (String name : new String[] {"RGGB", "BGGR", "GRBG", "GBRG"}) {
            SensorPipeline pipeline = new SensorPipeline(TestScenes.profile(null, TestScenes.cleanSensor(name),
                    TestScenes.plainIsp("malvar"), new OutputStage(true, false)));
            SensorFrame frame = pipeline.process(TestScenes.flat(8, 6, colour[0], colour[1], colour[2]), 3, 0);
            int[] raw = ImageCodec.decodeRaw(frame.raw().bytes());
            for (int k = 0; k < 4; k++) {
                int x = k % 2;
                int y = k / 2;
                int channel = letters.indexOf(name.charAt(k));
                assertEquals(colour[channel], raw[y * 8 + x] / 65535.0, 0.002, name + " raw at (" + x + ", " + y + ")");
            }
            for (int c = 0; c < 3; c++) {
                assertEquals(colour[c], frame.display().get(4, 3, c), 1.0 / 255 + 0.002, name + " image channel " + c);
            }
        }
    }

    static double psnr(FloatImage truth, FloatImage test) {
        double se = 0;
        float[] a = truth.data();
        float[] b = test.data();
        for (int i = 0; i < a.length; i++) {
            double d = Math.max(0, Math.min(1, b[i])) - a[i];
            se += d * d;
        }
        return 10 * Math.log10(1 / (se / a.length));
    }
}
