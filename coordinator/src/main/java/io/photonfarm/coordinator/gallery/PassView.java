package io.photonfarm.coordinator.gallery;

import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A label pass drawn for the eye, as an RGBA PNG the frame viewer lays over the RGB: depth and
 * range colour-mapped (turbo, near = blue... far = red, between the frame's 1st and 99th
 * percentiles), normals as (n + 1) / 2 in the camera frame, ids as distinct colours, coverage as
 * grey. Pixels without a surface (ids 0, depth +inf) are transparent. These images are views only;
 * the dataset's own files stay the lossless truth.
 */
public enum PassView {
    DEPTH("depth_z.exr"),
    RANGE("range.exr"),
    NORMALS("normal_camera.exr"),
    INSTANCE("instance.png"),
    SEMANTIC("semantic.png"),
    COVERAGE("coverage.exr"),
    ALBEDO("albedo.exr");

    private final String source;

    PassView(String source) {
        this.source = source;
    }

    /** The frame file the view is drawn from. */
    public String source() {
        return source;
    }

    /** The view named {@code name} (lower case, as in URLs), if any. */
    public static Optional<PassView> parse(String name) {
        return Arrays.stream(values()).filter(v -> v.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
    }

    /** Draws the view from the frame directory's source file (which must exist). */
    public BufferedImage draw(Path frameDir) throws IOException {
        Path file = frameDir.resolve(source);
        return switch (this) {
            case DEPTH, RANGE -> heat(Images.readExr(file));
            case NORMALS -> vectors(Images.readExr(file));
            case INSTANCE, SEMANTIC -> ids(file);
            case COVERAGE -> grey(Images.readExr(file));
            case ALBEDO -> albedo(Images.readExr(file));
        };
    }

    /** Whether the frame has this view's source file. */
    public boolean availableIn(Path frameDir) {
        return Files.isRegularFile(frameDir.resolve(source));
    }

    private static BufferedImage heat(FloatImage img) {
        float[] finite = new float[img.width() * img.height()];
        int n = 0;
        for (int p = 0; p < finite.length; p++) {
            float v = img.data()[p * img.channels()];
            if (Float.isFinite(v)) {
                finite[n++] = v;
            }
        }
        BufferedImage out = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_ARGB);
        if (n == 0) {
            return out;
        }
        float[] sorted = Arrays.copyOf(finite, n);
        Arrays.sort(sorted);
        double lo = sorted[(int) Math.floor(0.01 * (n - 1))];
        double hi = sorted[(int) Math.ceil(0.99 * (n - 1))];
        double span = hi > lo ? hi - lo : 1.0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                float v = img.get(x, y, 0);
                out.setRGB(x, y, Float.isFinite(v) ? turbo((v - lo) / span) : 0);
            }
        }
        return out;
    }

    private static BufferedImage vectors(FloatImage img) {
        BufferedImage out = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                float nx = img.get(x, y, 0);
                float ny = img.get(x, y, 1);
                float nz = img.get(x, y, 2);
                if (nx == 0 && ny == 0 && nz == 0) {
                    continue; // background: no surface, no normal
                }
                out.setRGB(x, y, Png.argb(255, Math.round((nx + 1) * 127.5f), Math.round((ny + 1) * 127.5f),
                        Math.round((nz + 1) * 127.5f)));
            }
        }
        return out;
    }

    private static BufferedImage grey(FloatImage img) {
        BufferedImage out = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                int g = Math.round(Math.max(0, Math.min(1, img.get(x, y, 0))) * 255);
                out.setRGB(x, y, Png.argb(255, g, g, g));
            }
        }
        return out;
    }

    private static BufferedImage albedo(FloatImage img) {
        BufferedImage out = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                out.setRGB(x, y, Png.argb(255, Png.srgb8(img.get(x, y, 0)), Png.srgb8(img.get(x, y, 1)),
                        Png.srgb8(img.get(x, y, 2))));
            }
        }
        return out;
    }

    private static BufferedImage ids(Path file) throws IOException {
        BufferedImage grey = javax.imageio.ImageIO.read(file.toFile());
        if (grey == null) {
            throw new IOException(file.getFileName() + ": not a PNG this runtime can read");
        }
        int w = grey.getWidth();
        int h = grey.getHeight();
        int[] ids = grey.getRaster().getSamples(0, 0, w, h, 0, new int[w * h]);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int id = ids[y * w + x];
                out.setRGB(x, y, id == 0 ? 0 : idColour(id));
            }
        }
        return out;
    }

    /** A bright colour per id, spread around the hue circle by the golden angle so neighbours differ. */
    static int idColour(int id) {
        float hue = (float) ((id * 0.618033988749895) % 1.0);
        return 0xFF000000 | (java.awt.Color.HSBtoRGB(hue, 0.75f, 0.95f) & 0xFFFFFF);
    }

    /** Google's turbo colour map (Mikhailov 2019), polynomial fit, for t in [0, 1]. */
    static int turbo(double t) {
        double x = Math.max(0, Math.min(1, t));
        double r = 0.13572138 + x * (4.61539260 + x * (-42.66032258 + x * (132.13108234 + x * (-152.94239396 + x * 59.28637943))));
        double g = 0.09140261 + x * (2.19418839 + x * (4.84296658 + x * (-14.18503333 + x * (4.27729857 + x * 2.82956604))));
        double b = 0.10667330 + x * (12.64194608 + x * (-60.58204836 + x * (110.36276771 + x * (-89.90310912 + x * 27.34824973))));
        return Png.argb(255, (int) Math.round(r * 255), (int) Math.round(g * 255), (int) Math.round(b * 255));
    }
}
