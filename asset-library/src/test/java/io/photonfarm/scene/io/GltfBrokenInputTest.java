package io.photonfarm.scene.io;

import static io.photonfarm.scene.io.GltfFixture.dataUri;
import static io.photonfarm.scene.io.GltfFixture.doc;
import static io.photonfarm.scene.io.GltfFixture.glb;
import static io.photonfarm.scene.io.GltfFixture.png;
import static io.photonfarm.scene.io.GltfFixture.triangleBin;
import static io.photonfarm.scene.io.GltfFixture.triangleJson;
import static io.photonfarm.scene.io.GltfFixture.write;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.Scene;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and hostile glTF input: each case must end in a {@link SceneFormatException} whose
 * message names the file and the problem, never in another exception, a hang or an OutOfMemoryError.
 */
class GltfBrokenInputTest {
    @TempDir
    Path dir;

    private static void assertRefused(Path file, String... fragments) {
        SceneFormatException e = assertThrows(SceneFormatException.class, () -> GltfLoader.load(file));
        String message = e.getMessage();
        assertTrue(message.startsWith(file.getFileName() + ": "), () -> "file name missing: " + message);
        for (String f : fragments) {
            assertTrue(message.contains(f), () -> "expected '" + f + "' in: " + message);
        }
    }

    /** The triangle document with its buffer embedded as a data URI. */
    private static String embeddedTriangle() {
        return triangleJson("\"uri\":\"" + dataUri("application/octet-stream", triangleBin()) + "\"");
    }

    private static byte[] triangleGlb() {
        return glb(triangleJson(""), triangleBin());
    }

    private static byte[] withInt(byte[] data, int offset, int value) {
        byte[] copy = data.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return copy;
    }

    @Test
    void glbShorterThanItsHeaderIsTruncated() throws IOException {
        assertRefused(write(dir, "short.glb", Arrays.copyOf(triangleGlb(), 10)), "truncated GLB", "10 bytes");
    }

    @Test
    void glbCutShortOfItsLengthFieldIsTruncated() throws IOException {
        byte[] full = triangleGlb();
        assertRefused(write(dir, "cut.glb", Arrays.copyOf(full, full.length - 20)),
                "truncated GLB", "length of " + full.length);
    }

    @Test
    void glbLengthFieldLargerThanTheFileIsRefused() throws IOException {
        byte[] full = triangleGlb();
        assertRefused(write(dir, "long.glb", withInt(full, 8, full.length + 100)),
                "length of " + (full.length + 100) + " bytes but the file has " + full.length);
    }

    @Test
    void glbVersionOtherThanTwoIsRefused() throws IOException {
        assertRefused(write(dir, "v1.glb", withInt(triangleGlb(), 4, 1)), "GLB version 1 is not supported");
    }

    @Test
    void glbChunkLengthPastTheEndIsRefused() throws IOException {
        assertRefused(write(dir, "json.glb", withInt(triangleGlb(), 12, 0xFFFFFFF0)),
                "chunk 0 (JSON)", "claims 4294967280 bytes, past the end");
        byte[] glb = triangleGlb();
        int binHeader = 20 + ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
        assertRefused(write(dir, "bin.glb", withInt(glb, binHeader, 1000)), "chunk 1 (BIN)", "claims 1000 bytes");
    }

    @Test
    void invalidJsonIsRefusedWithItsPosition() throws IOException {
        assertRefused(write(dir, "bad.gltf", "{\"asset\": {\"version\": \"2.0\"},"), "invalid JSON", "line 1");
        assertRefused(write(dir, "array.gltf", "[1, 2]"), "not a JSON object");
        assertRefused(write(dir, "two.gltf", "{\"asset\":{\"version\":\"2.0\"}} {}"), "invalid JSON", "Trailing token");
        assertRefused(write(dir, "dup.gltf", "{\"asset\":{\"version\":\"2.0\"},\"asset\":{}}"), "invalid JSON",
                "Duplicate field 'asset'");
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutOverflowingTheStack() throws IOException {
        String json = "{\"asset\":{\"version\":\"2.0\"},\"extras\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertRefused(write(dir, "nested.gltf", json), "invalid JSON", "nesting depth");
    }

    @Test
    void missingAssetVersionIsRefused() throws IOException {
        assertRefused(write(dir, "noversion.gltf", "{\"asset\":{\"generator\":\"x\"}}"),
                "asset: required property 'version' is missing");
        assertRefused(write(dir, "noasset.gltf", "{}"), "required property 'asset' is missing");
        assertRefused(write(dir, "numeric.gltf", "{\"asset\":{\"version\":[2,0]}}"), "asset.version",
                "must be a string, was an array");
    }

    @Test
    void gltfVersionOneAndMinVersionAboveTwoZeroAreRefused() throws IOException {
        assertRefused(write(dir, "old.gltf", "{\"asset\":{\"version\":\"1.0\"}}"), "asset.version",
                "glTF 1.0 is not supported");
        assertRefused(write(dir, "future.gltf", "{\"asset\":{\"version\":\"2.0\",\"minVersion\":\"2.1\"}}"),
                "asset.minVersion", "requires glTF 2.1");
    }

    @Test
    void requiredUnsupportedExtensionsAreListed() throws IOException {
        String json = doc("\"extensionsUsed\":[\"KHR_draco_mesh_compression\",\"EXT_meshopt_compression\"],"
                + "\"extensionsRequired\":[\"KHR_draco_mesh_compression\",\"EXT_meshopt_compression\",\"KHR_materials_ior\"]");
        assertRefused(write(dir, "draco.gltf", json), "extensionsRequired",
                "not supported: EXT_meshopt_compression, KHR_draco_mesh_compression");
    }

    @Test
    void accessorPastItsBufferViewIsRefused() throws IOException {
        String json = embeddedTriangle().replace("\"componentType\":5126,\"count\":3,\"type\":\"VEC3\",\"min\"",
                "\"componentType\":5126,\"count\":100,\"type\":\"VEC3\",\"min\"");
        assertRefused(write(dir, "past.gltf", json),
                "accessors[0]: byteOffset 0 + 100 elements of 12 bytes exceeds bufferView 0 (72 bytes)");
    }

    @Test
    void bufferViewPastItsBufferAndBufferLargerThanItsDataAreRefused() throws IOException {
        String view = embeddedTriangle().replace("\"byteOffset\":72,\"byteLength\":6", "\"byteOffset\":76,\"byteLength\":6");
        assertRefused(write(dir, "view.gltf", view), "bufferViews[1]: byteOffset 76 + byteLength 6 exceeds buffer 0");
        write(dir, "tri.bin", triangleBin());
        String buffer = triangleJson("\"uri\":\"tri.bin\"").replace("\"byteLength\":80", "\"byteLength\":800");
        assertRefused(write(dir, "buffer.gltf", buffer), "buffers[0]: byteLength 800 exceeds the 80 bytes of 'tri.bin'");
    }

    @Test
    void indexOutOfRangeIsRefused() throws IOException {
        GltfFixture.Bin bin = new GltfFixture.Bin();
        bin.floats(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1);
        bin.ushorts(0, 1, 7);
        String json = triangleJson("\"uri\":\"" + dataUri("application/octet-stream", bin.toBytes()) + "\"");
        assertRefused(write(dir, "index.gltf", json),
                "meshes[0].primitives[0].indices: index 7 at position 2 is out of range (3 vertices)");
    }

    @Test
    void bufferUriEscapingTheSceneDirectoryIsRefused() throws IOException {
        write(dir, "x.bin", triangleBin());
        Path sub = Files.createDirectory(dir.resolve("scene"));
        assertRefused(write(sub, "escape.gltf", triangleJson("\"uri\":\"../x.bin\"")), "buffers[0]",
                "'../x.bin', outside the scene's directory");
        assertRefused(write(sub, "escape2.gltf", triangleJson("\"uri\":\"%2E%2E/x.bin\"")), "outside the scene's directory");
    }

    @Test
    void missingBufferFileIsRefused() throws IOException {
        assertRefused(write(dir, "missing.gltf", triangleJson("\"uri\":\"nothere.bin\"")), "buffers[0]",
                "'nothere.bin', which does not exist");
    }

    @Test
    void absoluteAndNonFileUrisAreRefused() throws IOException {
        Path bin = write(dir, "tri.bin", triangleBin()).toAbsolutePath();
        assertRefused(write(dir, "absolute.gltf", triangleJson("\"uri\":\"" + bin.toString().replace('\\', '/') + "\"")),
                "buffers[0]", "absolute path");
        assertRefused(write(dir, "fileuri.gltf", triangleJson("\"uri\":\"file:///etc/passwd\"")), "scheme 'file'");
        assertRefused(write(dir, "http.gltf", triangleJson("\"uri\":\"http://example.com/tri.bin\"")), "buffers[0]",
                "uses the scheme 'http'");
    }

    @Test
    void nodeCycleIsRefused() throws IOException {
        String json = embeddedTriangle().replace("\"nodes\":[{\"mesh\":0}]",
                "\"nodes\":[{\"mesh\":0},{\"children\":[2]},{\"children\":[3]},{\"children\":[1]}]");
        assertRefused(write(dir, "cycle.gltf", json), "node cycle");
        String self = embeddedTriangle().replace("\"nodes\":[{\"mesh\":0}]", "\"nodes\":[{\"mesh\":0,\"children\":[0]}]");
        assertRefused(write(dir, "self.gltf", self), "nodes[0].children[0]", "its own child");
    }

    @Test
    void nodeWithTwoParentsIsRefused() throws IOException {
        String json = embeddedTriangle().replace("\"scenes\":[{\"nodes\":[0]}],\"nodes\":[{\"mesh\":0}]",
                "\"scenes\":[{\"nodes\":[0,1]}],\"nodes\":[{\"children\":[2]},{\"children\":[2]},{\"mesh\":0}]");
        assertRefused(write(dir, "parents.gltf", json), "nodes[2]", "two parents, nodes[0] and nodes[1]");
        String root = embeddedTriangle().replace("\"scenes\":[{\"nodes\":[0]}],\"nodes\":[{\"mesh\":0}]",
                "\"scenes\":[{\"nodes\":[0,1]}],\"nodes\":[{\"children\":[1]},{\"mesh\":0}]");
        assertRefused(write(dir, "root.gltf", root), "scenes[0].nodes[1]", "scene nodes must be roots");
    }

    @Test
    void hierarchyDeeperThanTheLimitIsRefusedWithoutOverflowingTheStack() throws IOException {
        StringBuilder nodes = new StringBuilder();
        int n = 5000;
        for (int i = 0; i < n; i++) {
            nodes.append(i == 0 ? "" : ",").append(i + 1 < n ? "{\"children\":[" + (i + 1) + "]}" : "{\"mesh\":0}");
        }
        String json = embeddedTriangle().replace("\"nodes\":[{\"mesh\":0}]", "\"nodes\":[" + nodes + "]");
        assertRefused(write(dir, "deep.gltf", json), "nodes[1024]", "deeper than 1024 levels");
    }

    @Test
    void meshIndexOutOfRangeIsRefused() throws IOException {
        String json = embeddedTriangle().replace("\"nodes\":[{\"mesh\":0}]", "\"nodes\":[{\"mesh\":5}]");
        assertRefused(write(dir, "mesh.gltf", json), "nodes[0].mesh: mesh 5 out of range (1 meshes)");
    }

    @Test
    void nanPositionIsRefused() throws IOException {
        GltfFixture.Bin bin = new GltfFixture.Bin();
        bin.floats(0, 0, 0, Float.NaN, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1);
        bin.ushorts(0, 1, 2);
        String json = triangleJson("\"uri\":\"" + dataUri("application/octet-stream", bin.toBytes()) + "\"");
        assertRefused(write(dir, "nan.gltf", json), "accessors[0]: element 1 component 0 is NaN");
    }

    @Test
    void badBase64AndWrongMediaTypeInDataUriAreRefused() throws IOException {
        assertRefused(write(dir, "b64.gltf", triangleJson("\"uri\":\"data:application/octet-stream;base64,@@@!\"")),
                "buffers[0]", "invalid base64");
        assertRefused(write(dir, "plain.gltf", triangleJson("\"uri\":\"data:application/octet-stream,abc\"")),
                "not base64-encoded");
        assertRefused(write(dir, "media.gltf", triangleJson("\"uri\":\"data:text/html;base64,AAAA\"")),
                "media type 'text/html'");
    }

    @Test
    void corruptImageBytesAreRefused() throws IOException {
        byte[] truncatedPng = Arrays.copyOf(png(4, 4, new int[16]), 40);
        write(dir, "broken.png", truncatedPng);
        String json = doc("""
                "materials":[{"pbrMetallicRoughness":{"baseColorTexture":{"index":0}}},
                             {"emissiveTexture":{"index":1}}],
                "textures":[{"source":0},{"source":1}],
                "images":[{"uri":"%s"},{"uri":"broken.png"}]
                """.formatted(dataUri("image/png", new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
        assertRefused(write(dir, "image.gltf", json), "images[0]", "is not a PNG or JPEG image");
        assertRefused(write(dir, "image2.gltf", json.replace("{\"uri\":\"data", "{\"uri\":\"broken.png\"},{\"uri\":\"data")),
                "images[0]", "broken.png");
    }

    @Test
    void hugeAccessorCountWithoutDataHitsTheTriangleLimitBeforeAllocating() throws IOException {
        String json = doc("""
                "scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],
                "meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1}]}],
                "accessors":[{"componentType":5126,"count":3,"type":"VEC3"},
                             {"componentType":5125,"count":2147483646,"type":"SCALAR"}]
                """);
        assertRefused(write(dir, "huge.gltf", json), "meshes[0].primitives[0]", "limit of 50000000 triangles");
    }

    @Test
    void malformedValuesNameTheirJsonPath() throws IOException {
        assertRefused(write(dir, "mode.gltf", embeddedTriangle().replace("\"indices\":2", "\"indices\":2,\"mode\":\"4\"")),
                "meshes[0].primitives[0].mode: must be an integer, was \"4\"");
        assertRefused(write(dir, "type.gltf", embeddedTriangle().replace("\"count\":3,\"type\":\"VEC3\",\"min\"",
                "\"count\":3,\"type\":\"VEC2\",\"min\"")), "accessors[0]", "type must be VEC3");
        assertRefused(write(dir, "both.gltf", embeddedTriangle().replace("{\"mesh\":0}",
                "{\"mesh\":0,\"matrix\":[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1],\"scale\":[1,1,1]}")),
                "nodes[0]", "both a matrix and translation/rotation/scale");
        assertRefused(write(dir, "material.gltf", embeddedTriangle().replace("\"indices\":2", "\"indices\":2,\"material\":3")),
                "meshes[0].primitives[0].material", "out of range (0 materials)");
        assertRefused(write(dir, "factor.gltf", doc("\"materials\":[{\"pbrMetallicRoughness\":{\"metallicFactor\":2}}]")),
                "materials[0].pbrMetallicRoughness.metallicFactor", "must be in [0.0, 1.0], was 2.0");
        assertRefused(write(dir, "ior.gltf", doc("\"materials\":[{\"extensions\":{\"KHR_materials_ior\":{\"ior\":0.5}}}]")),
                "KHR_materials_ior.ior", "must be 0 or >= 1");
    }

    @Test
    void glbBufferWithoutUriNeedsABinChunk() throws IOException {
        assertRefused(write(dir, "nobin.glb", glb(triangleJson(""), null)), "buffers[0]", "the file has none");
        assertRefused(write(dir, "nouri.gltf", triangleJson("")), "buffers[0]", "only buffer 0 of a GLB file");
    }

    /** A GLB that exercises most of the loader: sparse, strides, indices, texture in a buffer view, nodes, camera. */
    private static byte[] richGlb(String json) {
        return glb(json, richBin());
    }

    private static byte[] richBin() {
        GltfFixture.Bin bin = new GltfFixture.Bin();
        bin.floats(0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 0, 1, 1, 0);
        bin.ushorts(0, 1, 2, 2, 1, 3);
        bin.ubytes(1, 3);
        bin.floats(5, 0, 0, 5, 5, 0);
        bin.bytes(png(2, 2, 0xFF000000, 0xFFFFFFFF, 0xFF808080, 0x80102030));
        return bin.toBytes();
    }

    private static String richJson() {
        int pngLength = png(2, 2, 0xFF000000, 0xFFFFFFFF, 0xFF808080, 0x80102030).length;
        return doc("""
                "scene":0,"scenes":[{"nodes":[0,2]}],
                "nodes":[{"mesh":0,"translation":[1,2,3],"rotation":[0,0,0,1],"scale":[1,2,1],"children":[1]},
                         {"mesh":0,"matrix":[1,0,0,0,0,1,0,0,0,0,1,0,0,0,5,1]},
                         {"camera":0,"translation":[0,0,9]}],
                "cameras":[{"type":"perspective","perspective":{"yfov":0.7,"znear":0.1}}],
                "meshes":[{"primitives":[{"attributes":{"POSITION":0,"TEXCOORD_0":1},"indices":2,"material":0,"mode":4},
                                         {"attributes":{"POSITION":3},"mode":5}]}],
                "materials":[{"pbrMetallicRoughness":{"baseColorTexture":{"index":0},"metallicFactor":0.5},
                              "emissiveFactor":[1,1,1],
                              "extensions":{"KHR_materials_emissive_strength":{"emissiveStrength":3}}}],
                "textures":[{"source":0}],
                "images":[{"bufferView":4,"mimeType":"image/png"}],
                "buffers":[{"byteLength":%d}],
                "bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":80,"byteStride":20},
                               {"buffer":0,"byteOffset":80,"byteLength":12},
                               {"buffer":0,"byteOffset":92,"byteLength":2},
                               {"buffer":0,"byteOffset":96,"byteLength":24},
                               {"buffer":0,"byteOffset":120,"byteLength":%d}],
                "accessors":[{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3"},
                             {"bufferView":0,"byteOffset":12,"componentType":5126,"count":4,"type":"VEC2"},
                             {"bufferView":1,"componentType":5123,"count":6,"type":"SCALAR"},
                             {"bufferView":0,"componentType":5126,"count":4,"type":"VEC3",
                              "sparse":{"count":2,"indices":{"bufferView":2,"componentType":5121},"values":{"bufferView":3}}}]
                """.formatted(richBin().length, pngLength));
    }

    @Test
    void richFixtureLoads() throws IOException {
        Scene scene = GltfLoader.load(write(dir, "rich.glb", richGlb(richJson())));
        assertTrue(scene.meshes().get(0).triangleCount() == 4 && scene.instances().size() == 2
                && scene.textures().size() == 1 && scene.camera().isPresent(), scene::toString);
    }

    /**
     * Random damage to the rich GLB (flipped bytes anywhere; changed digits in the JSON, which keep
     * it parseable and so reach the semantic checks): loading either succeeds or throws
     * SceneFormatException, never anything else. Fixed seed: failures are reproducible.
     */
    @Test
    void randomDamageOnlyEverFailsWithSceneFormatException() throws IOException {
        String json = richJson();
        byte[] bin = richBin();
        Random random = new Random(20240611L);
        int refused = 0;
        for (int round = 0; round < 1500; round++) {
            byte[] file;
            if (round % 2 == 0) {
                char[] text = json.toCharArray();
                for (int k = 0; k < 1 + random.nextInt(3); k++) {
                    int at = random.nextInt(text.length);
                    while (!Character.isDigit(text[at])) {
                        at = (at + 1) % text.length;
                    }
                    text[at] = "0123456789-".charAt(random.nextInt(11));
                }
                file = glb(new String(text), bin);
            } else {
                file = richGlb(json);
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    file[random.nextInt(file.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            Path path = write(dir, "fuzz.glb", file);
            try {
                GltfLoader.load(path);
            } catch (SceneFormatException e) {
                refused++;
                assertTrue(e.getMessage().startsWith("fuzz.glb: "), e.getMessage());
            } catch (RuntimeException | Error e) {
                throw new AssertionError("round " + round + ": " + e, e);
            }
        }
        assertTrue(refused > 100, "most damage is detected, refused " + refused);
    }
}
