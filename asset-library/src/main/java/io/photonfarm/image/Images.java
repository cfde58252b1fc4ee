package io.photonfarm.image;

import io.photonfarm.scene.io.SceneFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reading and writing the images the farm produces and consumes: linear OpenEXR for renders and
 * label passes, Radiance HDR and OpenEXR environment maps, 8-bit sRGB PNG previews.
 *
 * <p>All {@link FloatImage}s are row-major with row 0 at the top and channels interleaved; values
 * are linear (scene-referred, no transfer function). Writers replace the target atomically: a
 * reader of {@code out} sees the old file or the complete new one, never a partial write. Readers
 * refuse malformed, truncated, unsupported or oversized files (over 16384 pixels per side or 2^28
 * pixels) with a {@link SceneFormatException} naming the file and the problem, before allocating
 * anything the file's sizes ask for.
 */
public final class Images {
    private static final int[] EXR_MAGIC = {0x76, 0x2f, 0x31, 0x01};

    private Images() {
    }

    /**
     * Writes an 8-bit PNG for display: colour through the sRGB transfer function (IEC 61966-2-1),
     * alpha linearly; values clamped to [0, 1], NaN as 0, rounded to the nearest code.
     *
     * @param img 1 channel (grey), 3 (RGB) or 4 (RGBA, not premultiplied)
     * @throws IllegalArgumentException for any other channel count
     */
    public static void writeSrgbPng(FloatImage img, Path out) throws IOException {
        SrgbPngWriter.write(img, out);
    }

    /**
     * The display-referred image {@link #writeSrgbPng} would write, as floats: each colour value
     * through the sRGB transfer function and quantised to 8 bits, divided by 255 (alpha quantised
     * linearly), so writing it with {@link #writeDisplayPng} gives the same file contents.
     */
    public static FloatImage toDisplay(FloatImage linear) {
        float[] in = linear.data();
        float[] out = new float[in.length];
        int n = linear.channels();
        for (int i = 0; i < in.length; i++) {
            out[i] = (n == 4 && i % 4 == 3 ? Srgb.linear8(in[i]) : Srgb.encode8(in[i])) / 255f;
        }
        return new FloatImage(linear.width(), linear.height(), n, out);
    }

    /**
     * Writes an 8-bit sRGB PNG of an image that is already display-referred (sRGB-encoded values in
     * [0, 1], as an image signal processor outputs): values clamped, NaN as 0, rounded to the nearest
     * code, no transfer function applied.
     *
     * @param img 1 channel (grey), 3 (RGB) or 4 (RGBA)
     */
    public static void writeDisplayPng(FloatImage img, Path out) throws IOException {
        SrgbPngWriter.write(img, out, false);
    }

    /**
     * Writes a linear OpenEXR file (32-bit float channels, ZIP compression) with the standard
     * channel names: Y for 1 channel, R, G, B for 3, R, G, B, A for 4.
     *
     * @throws IllegalArgumentException for other channel counts: name them with
     *                                  {@link #writeExr(FloatImage, List, Path)}
     */
    public static void writeExr(FloatImage img, Path out) throws IOException {
        List<String> names = switch (img.channels()) {
            case 1 -> List.of("Y");
            case 3 -> List.of("R", "G", "B");
            case 4 -> List.of("R", "G", "B", "A");
            default -> throw new IllegalArgumentException("an image with " + img.channels()
                    + " channels has no standard EXR channel names; pass them to writeExr(img, channelNames, out)");
        };
        writeExr(img, names, out);
    }

    /**
     * Writes every channel of {@code img} losslessly as 32-bit float under the given names (for
     * example "Z" or "N.x", "N.y", "N.z" for label passes); the file stores them sorted by name as
     * OpenEXR requires, {@link #readExrChannels} gives them back by name bit-exactly.
     *
     * @param channelNames one per image channel, in the image's channel order; unique, non-empty
     * @throws IllegalArgumentException when the names do not fit the image or over 16384 pixels per side
     */
    public static void writeExr(FloatImage img, List<String> channelNames, Path out) throws IOException {
        ExrWriter.write(img, channelNames, out);
    }

    /**
     * Reads a single-part scan line OpenEXR file (HALF, FLOAT or UINT channels; NONE, RLE, ZIPS or
     * ZIP compression) as colour: channels R, G, B (a missing G or B copies R; a lone Y is grey,
     * copied to all three), plus A when the file has one. The image covers the data window, its
     * top-left pixel at row 0, column 0.
     *
     * @return 3 channels (RGB), or 4 (RGBA) when the file has an A channel
     */
    public static FloatImage readExr(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        ExrImage exr = ExrReader.read(file, available -> {
            if (available.contains("R")) {
                names.add("R");
                names.add(available.contains("G") ? "G" : "R");
                names.add(available.contains("B") ? "B" : "R");
            } else if (available.contains("Y")) {
                names.addAll(List.of("Y", "Y", "Y"));
            } else {
                throw new SceneFormatException(file, "has neither an R nor a Y channel (it has " + available
                        + "); read it with readExrChannels");
            }
            if (available.contains("A")) {
                names.add("A");
            }
            return Set.copyOf(names);
        });
        return exr.toFloatImage(names);
    }

    /** Reads every channel of a single-part scan line OpenEXR file by name, as {@link #readExr} decodes them. */
    public static ExrImage readExrChannels(Path file) throws IOException {
        return ExrReader.read(file, available -> available);
    }

    /**
     * Reads a Radiance RGBE image (.hdr): new-style run-length encoded or flat scan lines,
     * orientation {@code -Y H +X W} or {@code +Y H +X W}. EXPOSURE in the header is ignored.
     *
     * @return linear RGB, 3 channels, value = mantissa * 2^(exponent - 136)
     */
    public static FloatImage readHdr(Path file) throws IOException {
        return HdrReader.read(file);
    }

    /**
     * Reads an environment map, choosing OpenEXR or Radiance HDR by the file's first bytes (not
     * its extension).
     *
     * @return linear RGB, 3 channels (an EXR's alpha is dropped)
     */
    public static FloatImage readEnvironment(Path file) throws IOException {
        ImageLimits.regularFileSize(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        if (head.length == 0) {
            throw new SceneFormatException(file, "empty file, not an environment map");
        }
        if (startsWith(head, EXR_MAGIC)) {
            FloatImage img = readExr(file);
            return img.channels() == 3 ? img : dropAlpha(img);
        }
        if (startsWith(head, new int[] {'#', '?'})) {
            return readHdr(file);
        }
        throw new SceneFormatException(file, "wrong magic: neither OpenEXR nor Radiance HDR (starts with "
                + hex(head) + ")");
    }

    private static FloatImage dropAlpha(FloatImage rgba) {
        FloatImage rgb = FloatImage.blank(rgba.width(), rgba.height(), 3);
        float[] from = rgba.data();
        float[] to = rgb.data();
        for (int p = 0, pixels = rgba.width() * rgba.height(); p < pixels; p++) {
            System.arraycopy(from, p * 4, to, p * 3, 3);
        }
        return rgb;
    }

    private static boolean startsWith(byte[] head, int[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02x ", b & 0xff));
        }
        return s.toString().trim();
    }
}
