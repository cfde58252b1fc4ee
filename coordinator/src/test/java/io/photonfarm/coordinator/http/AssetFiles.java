package io.photonfarm.coordinator.http;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Small asset files built in code: meshes in every accepted format, an HDR image, archives (honest and hostile). */
final class AssetFiles {
    private AssetFiles() {
    }

    /** A unit cube centred on the origin: 8 vertices, 12 triangles. */
    static byte[] cubeObj() {
        return ("""
                # unit cube
                v -0.5 -0.5 -0.5
                v 0.5 -0.5 -0.5
                v 0.5 0.5 -0.5
                v -0.5 0.5 -0.5
                v -0.5 -0.5 0.5
                v 0.5 -0.5 0.5
                v 0.5 0.5 0.5
                v -0.5 0.5 0.5
                f 1 4 3 2
                f 5 6 7 8
                f 1 2 6 5
                f 4 8 7 3
                f 1 5 8 4
                f 2 3 7 6
                """).getBytes(StandardCharsets.US_ASCII);
    }

    /** An OBJ with {@code triangles} separate triangles. */
    static byte[] manyTrianglesObj(int triangles) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < triangles; i++) {
            sb.append("v ").append(i).append(" 0 0\nv ").append(i + 1).append(" 0 0\nv ").append(i).append(" 1 0\n");
        }
        for (int i = 0; i < triangles; i++) {
            sb.append("f ").append(3 * i + 1).append(' ').append(3 * i + 2).append(' ').append(3 * i + 3).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Positions, normals and uvs of a triangle facing +z, and ushort indices 0 1 2; 104 bytes. */
    static byte[] triangleBin() {
        ByteBuffer b = ByteBuffer.allocate(104).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1}) {
            b.putFloat(f);
        }
        b.putShort((short) 0).putShort((short) 1).putShort((short) 2);
        return b.array();
    }

    /** The glTF JSON of {@link #triangleBin()}; {@code bufferUri} null for a GLB's own chunk; {@code imageUri} null for no texture. */
    static String triangleGltf(String bufferUri, String imageUri) {
        String material = imageUri == null ? "" : """
                "materials":[{"pbrMetallicRoughness":{"baseColorTexture":{"index":0}}}],
                "textures":[{"source":0}],"images":[{"uri":"%s"}],
                """.formatted(imageUri);
        return """
                {"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],%s
                "meshes":[{"name":"tri","primitives":[{"attributes":{"POSITION":0,"NORMAL":1,"TEXCOORD_0":2},"indices":3%s}]}],
                "buffers":[{"byteLength":104%s}],
                "bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":96},{"buffer":0,"byteOffset":96,"byteLength":6}],
                "accessors":[
                  {"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},
                  {"bufferView":0,"byteOffset":36,"componentType":5126,"count":3,"type":"VEC3"},
                  {"bufferView":0,"byteOffset":72,"componentType":5126,"count":3,"type":"VEC2"},
                  {"bufferView":1,"componentType":5123,"count":3,"type":"SCALAR"}]}
                """.formatted(material, imageUri == null ? "" : ",\"material\":0",
                bufferUri == null ? "" : ",\"uri\":\"" + bufferUri + "\"");
    }

    /** A binary glTF of one triangle. */
    static byte[] triangleGlb() {
        byte[] j = pad(triangleGltf(null, null).getBytes(StandardCharsets.UTF_8), (byte) ' ');
        byte[] bin = pad(triangleBin(), (byte) 0);
        int length = 12 + 8 + j.length + 8 + bin.length;
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46546C67).putInt(2).putInt(length);
        out.putInt(j.length).putInt(0x4E4F534A).put(j);
        out.putInt(bin.length).putInt(0x004E4942).put(bin);
        return out.array();
    }

    private static byte[] pad(byte[] a, byte fill) {
        byte[] p = new byte[(a.length + 3) / 4 * 4];
        Arrays.fill(p, fill);
        System.arraycopy(a, 0, p, 0, a.length);
        return p;
    }

    /** A 2 x 2 PNG. */
    static byte[] png() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 2, 2, new int[] {0xffff0000, 0xff00ff00, 0xff0000ff, 0xffffffff}, 0, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The files of a textured glTF: scene, buffer and a PNG in a sub-folder. */
    static Map<String, byte[]> texturedGltfFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("textures/checker.png", png());
        files.put("tri.bin", triangleBin());
        files.put("tri.gltf", triangleGltf("tri.bin", "textures/checker.png").getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** A 2 x 1 Radiance HDR image, flat (not run-length encoded) scan lines. */
    static byte[] hdr() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 1 +X 2\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) 128, (byte) 128, (byte) 128, (byte) 129, 64, 64, (byte) 128, (byte) 130});
        return out.toByteArray();
    }

    /** A zip of {@code files} (names used as given, hostile ones included). */
    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A tar entry: a file, or a symbolic or hard link to {@code link}. */
    record TarItem(String name, byte[] content, byte linkType, String link) {
        static TarItem file(String name, byte[] content) {
            return new TarItem(name, content, TarArchiveEntry.LF_NORMAL, null);
        }
    }

    static byte[] tar(boolean gzip, TarItem... items) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip ? new GzipCompressorOutputStream(bytes) : bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarItem i : items) {
                TarArchiveEntry e = i.link() == null ? new TarArchiveEntry(i.name()) : new TarArchiveEntry(i.name(), i.linkType());
                if (i.link() != null) {
                    e.setLinkName(i.link());
                } else {
                    e.setSize(i.content().length);
                }
                tar.putArchiveEntry(e);
                if (i.link() == null) {
                    tar.write(i.content());
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
