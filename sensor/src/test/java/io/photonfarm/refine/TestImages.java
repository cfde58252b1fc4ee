package io.photonfarm.refine;

import io.photonfarm.image.FloatImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The shared real photographs (downscaled so tests stay fast) and synthetic frames for the refiner tests. */
final class TestImages {
    static final List<String> PHOTOS = List.of("astronaut.png", "chelsea.png", "coffee.png");
    /** The three photos at a quarter of their size (about 128 pixels across). */
    static final TargetDomain SMALL_TARGET = smallTarget(4);

    private TestImages() {
    }

    static Path photoFile(String name) {
        try {
            return Path.of(TestImages.class.getResource("real-photos/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The photos read from their files and shrunk by {@code factor}. */
    static TargetDomain smallTarget(int factor) {
        try {
            List<FloatImage> photos = new ArrayList<>();
            for (String name : PHOTOS) {
                FloatImage p = PhotoReader.read(photoFile(name));
                photos.add(Resize.stretch(p, p.width() / factor, p.height() / factor));
            }
            return TargetDomain.of(photos, PHOTOS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A smooth frame with structure at every scale: gradients, a disc and a few soft random blobs. */
    static FloatImage smoothFrame(int width, int height, int channels, long seed) {
        Random rnd = new Random(seed);
        float[] d = new float[width * height * channels];
        double[][] blobs = new double[6][];
        for (int i = 0; i < blobs.length; i++) {
            blobs[i] = new double[] {rnd.nextDouble() * width, rnd.nextDouble() * height, 4 + rnd.nextDouble() * width / 6,
                rnd.nextDouble() - 0.5, rnd.nextDouble() - 0.5, rnd.nextDouble() - 0.5};
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    double v = 0.25 + 0.3 * x / width + 0.2 * y / height * (c + 1) / channels;
                    for (double[] b : blobs) {
                        double r2 = ((x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1])) / (b[2] * b[2]);
                        v += 0.3 * b[3 + c % 3] * Math.exp(-r2);
                    }
                    d[(y * width + x) * channels + c] = (float) Math.max(0.02, Math.min(0.98, v));
                }
            }
        }
        return new FloatImage(width, height, channels, d);
    }
}
