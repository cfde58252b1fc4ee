package io.photonfarm.scene.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Builds small glTF test inputs in code: binary buffers, GLB containers, data URIs, PNG files. */
final class GltfFixture {
    private GltfFixture() {
    }

    /** A little-endian buffer under construction; every section starts 4-byte aligned. */
    static final class Bin {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private int align() {
            while (out.size() % 4 != 0) {
                out.write(0);
            }
            return out.size();
        }

        /** Appends floats; returns their byte offset. */
        int floats(float... v) {
            int at = align();
            ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : v) {
                b.putFloat(f);
            }
            out.writeBytes(b.array());
            return at;
        }

        int ubytes(int... v) {
            int at = align();
            for (int x : v) {
                out.write(x);
            }
            return at;
        }

        int ushorts(int... v) {
            int at = align();
            ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int x : v) {
                b.putShort((short) x);
            }
            out.writeBytes(b.array());
            return at;
        }

        int uints(int... v) {
            int at = align();
            ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int x : v) {
                b.putInt(x);
            }
            out.writeBytes(b.array());
            return at;
        }

        int bytes(byte[] v) {
            int at = align();
            out.writeBytes(v);
            return at;
        }

        int size() {
            return out.size();
        }

        byte[] toBytes() {
            align();
            return out.toByteArray();
        }
    }

    /** A .glb: header, JSON chunk padded with spaces, BIN chunk (if {@code bin} is not null) padded with zeros. */
    static byte[] glb(String json, byte[] bin) {
        byte[] j = pad(json.getBytes(StandardCharsets.UTF_8), (byte) ' ');
        byte[] b = bin == null ? null : pad(bin, (byte) 0);
        int length = 12 + 8 + j.length + (b == null ? 0 : 8 + b.length);
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46546C67).putInt(2).putInt(length);
        out.putInt(j.length).putInt(0x4E4F534A).put(j);
        if (b != null) {
            out.putInt(b.length).putInt(0x004E4942).put(b);
        }
        return out.array();
    }

    private static byte[] pad(byte[] a, byte fill) {
        byte[] p = new byte[(a.length + 3) / 4 * 4];
        Arrays.fill(p, fill);
        System.arraycopy(a, 0, p, 0, a.length);
        return p;
    }

    static String dataUri(String mediaType, byte[] data) {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(data);
    }

    /** A PNG of the given ARGB pixels, row-major, written by ImageIO. */
    static byte[] png(int width, int height, int... argb) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** A complete glTF document: {"asset":{"version":"2.0"}, body}. */
    static String doc(String body) {
        return "{\"asset\":{\"version\":\"2.0\"}" + (body.isBlank() ? "" : "," + body) + "}";
    }

    /**
     * The triangle (0,0,0), (1,0,0), (0,1,0) facing +z with normals (0,0,1) and ushort indices
     * 0 1 2: positions at byte 0, normals at 36, indices at 72; 80 bytes with padding.
     */
    static byte[] triangleBin() {
        Bin bin = new Bin();
        bin.floats(0, 0, 0, 1, 0, 0, 0, 1, 0);
        bin.floats(0, 0, 1, 0, 0, 1, 0, 0, 1);
        bin.ushorts(0, 1, 2);
        return bin.toBytes();
    }

    /** The JSON of {@link #triangleBin()}; {@code buffer} is the buffer object's members besides byteLength. */
    static String triangleJson(String buffer) {
        String sep = buffer.isEmpty() ? "" : ",";
        return doc("""
                "scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],
                "meshes":[{"name":"tri","primitives":[{"attributes":{"POSITION":0,"NORMAL":1},"indices":2}]}],
                "buffers":[{"byteLength":80%s%s}],
                "bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":72},{"buffer":0,"byteOffset":72,"byteLength":6}],
                "accessors":[
                  {"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},
                  {"bufferView":0,"byteOffset":36,"componentType":5126,"count":3,"type":"VEC3"},
                  {"bufferView":1,"componentType":5123,"count":3,"type":"SCALAR"}]
                """.formatted(sep, buffer));
    }
}
