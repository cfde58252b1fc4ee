package io.photonfarm.scene.io;

import static io.photonfarm.scene.io.GltfFixture.dataUri;
import static io.photonfarm.scene.io.GltfFixture.doc;
import static io.photonfarm.scene.io.GltfFixture.glb;
import static io.photonfarm.scene.io.GltfFixture.png;
import static io.photonfarm.scene.io.GltfFixture.triangleBin;
import static io.photonfarm.scene.io.GltfFixture.triangleJson;
import static io.photonfarm.scene.io.GltfFixture.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.Texture;
import io.photonfarm.scene.gpu.PackedScene;
import io.photonfarm.scene.gpu.ScenePacker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.joml.Vector3fc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Well-formed glTF input: geometry, hierarchy, camera, materials and textures as the scene model sees them. */
class GltfLoaderTest {
    private static final float EPS = 1e-5f;

    @TempDir
    Path dir;

    /** Unnormalised face normal of triangle t, from its counter-clockwise winding. */
    private static Vector3f faceNormal(Mesh m, int t) {
        Vector3f[] v = new Vector3f[3];
        for (int c = 0; c < 3; c++) {
            int i = 3 * m.indices()[3 * t + c];
            v[c] = new Vector3f(m.positions()[i], m.positions()[i + 1], m.positions()[i + 2]);
        }
        return new Vector3f(v[1]).sub(v[0]).cross(new Vector3f(v[2]).sub(v[0]));
    }

    private static void assertVector(float x, float y, float z, Vector3fc v) {
        assertEquals(x, v.x(), EPS, "x of " + v);
        assertEquals(y, v.y(), EPS, "y of " + v);
        assertEquals(z, v.z(), EPS, "z of " + v);
    }

    @Test
    void triangleAsGltfWithBinAsGlbAndAsDataUriLoadsAsTheSameMesh() throws IOException {
        byte[] bin = triangleBin();
        write(dir, "tri.bin", bin);
        Scene external = GltfLoader.load(write(dir, "tri.gltf", triangleJson("\"uri\":\"tri.bin\"")));
        Scene binary = GltfLoader.load(write(dir, "tri.glb", glb(triangleJson(""), bin)));
        Scene embedded = GltfLoader.load(write(dir, "data.gltf",
                triangleJson("\"uri\":\"" + dataUri("application/octet-stream", bin) + "\"")));
        Scene gltfBuffer = GltfLoader.load(write(dir, "data2.gltf",
                triangleJson("\"uri\":\"" + dataUri("application/gltf-buffer", bin) + "\"")));

        Mesh m = external.meshes().get(0);
        assertEquals("tri", m.name());
        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, m.positions());
        assertArrayEquals(new float[] {0, 0, 1, 0, 0, 1, 0, 0, 1}, m.normals());
        assertArrayEquals(new int[] {0, 1, 2}, m.indices());
        assertArrayEquals(new int[] {0}, m.triangleMaterials());
        assertNull(m.uvs());
        assertNull(m.tangents());
        assertEquals(List.of(Material.gltfDefault()), external.materials(), "default material added because used");
        assertEquals(1, external.instances().size());
        assertTrue(external.instances().get(0).objectToWorld().equals(new Matrix4f(), 0f));
        assertTrue(external.camera().isEmpty());
        for (Scene other : List.of(binary, embedded, gltfBuffer)) {
            assertEquals(m, other.meshes().get(0));
            assertEquals(external.materials(), other.materials());
        }
    }

    @Test
    void interleavedBufferViewIsReadWithItsByteStride() throws IOException {
        GltfFixture.Bin bin = new GltfFixture.Bin();
        // x y z u v per vertex: 20 bytes.
        bin.floats(0, 0, 0, 0.1f, 0.2f, 1, 0, 0, 0.3f, 0.4f, 0, 1, 0, 0.5f, 0.6f);
        String json = doc("""
                "scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],
                "meshes":[{"primitives":[{"attributes":{"POSITION":0,"TEXCOORD_0":1}}]}],
                "buffers":[{"byteLength":60,"uri":"%s"}],
                "bufferViews":[{"buffer":0,"byteLength":60,"byteStride":20}],
                "accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"},
                             {"bufferView":0,"byteOffset":12,"componentType":5126,"count":3,"type":"VEC2"}]
                """.formatted(dataUri("application/octet-stream", bin.toBytes())));
        Mesh m = GltfLoader.load(write(dir, "interleaved.gltf", json)).meshes().get(0);
        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, m.positions());
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, m.uvs());
        assertArrayEquals(new int[] {0, 1, 2}, m.indices(), "non-indexed primitive uses implicit indices");
    }

    @Test
    void unsignedByteShortAndIntIndicesGiveTheSameTriangles() throws IOException {
        GltfFixture.Bin bin = new GltfFixture.Bin();
        bin.floats(0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0);
        int u8 = bin.ubytes(0, 1, 2, 0, 2, 3);
        int u16 = bin.ushorts(0, 1, 2, 0, 2, 3);
        int u32 = bin.uints(0, 1, 2, 0, 2, 3);
        byte[] data = bin.toBytes();
        String json = doc("""
                "scenes":[{"nodes":[]}],
                "meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1}]},
                          {"primitives":[{"attributes":{"POSITION":0},"indices":2}]},
                          {"primitives":[{"attributes":{"POSITION":0},"indices":3}]}],
                "buffers":[{"byteLength":%d}],
                "bufferViews":[{"buffer":0,"byteLength":48},{"buffer":0,"byteOffset":%d,"byteLength":6},
                               {"buffer":0,"byteOffset":%d,"byteLength":12},{"buffer":0,"byteOffset":%d,"byteLength":24}],
                "accessors":[{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3"},
                             {"bufferView":1,"componentType":5121,"count":6,"type":"SCALAR"},
                             {"bufferView":2,"componentType":5123,"count":6,"type":"SCALAR"},
                             {"bufferView":3,"componentType":5125,"count":6,"type":"SCALAR"}]
                """.formatted(data.length, u8, u16, u32));
        Scene scene = GltfLoader.load(write(dir, "indices.glb", glb(json, data)));
        assertEquals(3, scene.meshes().size());
        for (Mesh m : scene.meshes()) {
            assertArrayEquals(new int[] {0, 1, 2, 0, 2, 3}, m.indices(), m.name());
        }
        assertTrue(scene.instances().isEmpty(), "the scene shows no node");
    }

    @Test
    void triangleStripAndFanBecomeTrianglesThatAllFaceTheSameWay() throws IOException {
        GltfFixture.Bin bin = new GltfFixture.Bin();
        int strip = bin.floats(0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 2, 0, 1, 2, 0);
        int fan = bin.floats(0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, -1, 1, 0);
        int idx = bin.ushorts(0, 1, 2, 3, 4, 5);
        byte[] data = bin.toBytes();
        String json = doc("""
                "meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":2,"mode":5}]},
                          {"primitives":[{"attributes":{"POSITION":1},"mode":6}]}],
                "buffers":[{"byteLength":%d}],
                "bufferViews":[{"buffer":0,"byteOffset":%d,"byteLength":72},{"buffer":0,"byteOffset":%d,"byteLength":60},
                               {"buffer":0,"byteOffset":%d,"byteLength":12}],
                "accessors":[{"bufferView":0,"componentType":5126,"count":6,"type":"VEC3"},
                             {"bufferView":1,"componentType":5126,"count":5,"type":"VEC3"},
                             {"bufferView":2,"componentType":5123,"count":6,"type":"SCALAR"}]
                """.formatted(data.length, strip, fan, idx));
        Scene scene = GltfLoader.load(write(dir, "modes.glb", glb(json, data)));

        Mesh s = scene.meshes().get(0);
        assertEquals(4, s.triangleCount());
        assertArrayEquals(new int[] {0, 1, 2, 1, 3, 2, 2, 3, 4, 3, 5, 4}, s.indices());
        for (int t = 0; t < s.triangleCount(); t++) {
            assertTrue(faceNormal(s, t).z > 0, "strip triangle " + t + " faces +z");
        }
        Mesh f = scene.meshes().get(1);
        assertEquals(3, f.triangleCount());
        assertArrayEquals(new int[] {1, 2, 0, 2, 3, 0, 3, 4, 0}, f.indices());
        for (int t = 0; t < f.triangleCount(); t++) {
            assertTrue(faceNormal(f, t).z > 0, "fan triangle " + t + " faces +z");
        }
    }

    @Test
    void nodeHierarchyWithTrsAndMatrixPlacesVerticesWhereExpected() throws IOException {
        float h = (float) Math.sqrt(0.5);
        String json = triangleJson("\"uri\":\"" + dataUri("application/octet-stream", triangleBin()) + "\"")
                .replace("\"nodes\":[{\"mesh\":0}]", """
                        "nodes":[{"mesh":0,"translation":[10,0,0],"rotation":[0,0,%s,%s],"scale":[2,2,2],"children":[1]},
                                 {"mesh":0,"matrix":[1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,5,1]}]
                        """.formatted(h, h));
        Scene scene = GltfLoader.load(write(dir, "tree.gltf", json));
        assertEquals(2, scene.instances().size());
        // Parent: scale 2, then 90 degrees about z ((x, y) -> (-y, x)), then +10 x.
        Vector3f p = scene.instances().get(0).objectToWorld().transformPosition(new Vector3f(1, 0, 0));
        assertVector(10, 2, 0, p);
        // Child: +5 z first, then the parent's transform.
        Vector3f c = scene.instances().get(1).objectToWorld().transformPosition(new Vector3f(1, 0, 0));
        assertVector(10, 2, 10, c);
        Vector3f c2 = scene.instances().get(1).objectToWorld().transformPosition(new Vector3f(0, 1, 0));
        assertVector(8, 0, 10, c2);
    }

    @Test
    void firstPerspectiveCameraNodeGivesPositionLookAtUpAndVerticalFov() throws IOException {
        float h = (float) Math.sqrt(0.5);
        String json = doc("""
                "scene":0,"scenes":[{"nodes":[0,1,3]}],
                "cameras":[{"type":"orthographic","orthographic":{"xmag":1,"ymag":1,"znear":0.1,"zfar":10}},
                           {"type":"perspective","perspective":{"yfov":0.8,"znear":0.1}},
                           {"type":"perspective","perspective":{"yfov":0.3,"znear":0.1}}],
                "nodes":[{"camera":0},
                         {"translation":[1,0,0],"children":[2]},
                         {"camera":1,"translation":[0,2,3],"rotation":[0,%s,0,%s]},
                         {"camera":2}]
                """.formatted(h, h));
        CameraSpec cam = GltfLoader.load(write(dir, "camera.gltf", json)).camera().orElseThrow();
        assertVector(1, 2, 3, cam.position());
        // -Z turned 90 degrees about +y looks along -x.
        assertVector(0, 2, 3, cam.lookAt());
        assertVector(0, 1, 0, cam.up());
        assertEquals(Math.toDegrees(0.8), cam.vfovDeg(), 1e-4);
        assertEquals(0f, cam.aperture());
        assertEquals(0f, cam.focusDistance());
    }

    @Test
    void materialReadsEveryCoreFieldAndSupportedExtension() throws IOException {
        byte[] albedo = png(2, 1, 0xFF102030, 0x804080C0);
        byte[] orm = png(1, 1, 0xFF00FF80);
        write(dir, "albedo.png", albedo);
        GltfFixture.Bin bin = new GltfFixture.Bin();
        int at = bin.bytes(orm);
        byte[] data = bin.toBytes();
        String json = doc("""
                "extensionsUsed":["KHR_materials_emissive_strength","KHR_materials_ior","KHR_materials_transmission",
                                  "KHR_materials_specular"],
                "extensionsRequired":["KHR_materials_ior"],
                "materials":[{"name":"painted",
                   "pbrMetallicRoughness":{"baseColorFactor":[0.5,0.25,0.125,0.75],"metallicFactor":0.3,
                     "roughnessFactor":0.6,"baseColorTexture":{"index":0},"metallicRoughnessTexture":{"index":1}},
                   "normalTexture":{"index":1,"scale":0.5},
                   "emissiveFactor":[1,0.5,0.25],"emissiveTexture":{"index":0},"doubleSided":true,
                   "extensions":{"KHR_materials_emissive_strength":{"emissiveStrength":4},
                     "KHR_materials_ior":{"ior":1.33},"KHR_materials_transmission":{"transmissionFactor":0.9},
                     "KHR_materials_specular":{"specularFactor":0.7},"VENDOR_unknown":{"x":1}}},
                  {}],
                "textures":[{"source":0,"sampler":0},{"source":1}],
                "samplers":[{"magFilter":9729}],
                "images":[{"uri":"albedo.png"},{"bufferView":0,"mimeType":"image/png","name":"orm"}],
                "buffers":[{"byteLength":%d}],
                "bufferViews":[{"buffer":0,"byteOffset":%d,"byteLength":%d}]
                """.formatted(data.length, at, orm.length));
        Scene scene = GltfLoader.load(write(dir, "materials.glb", glb(json, data)));

        assertEquals(List.of(
                new Material("painted", new Rgb(0.5f, 0.25f, 0.125f), 0.75f, 0.3f, 0.6f, 1.33f, 0.7f, 0.9f,
                        new Rgb(4f, 2f, 1f), 0, 1, 1, 0, 0.5f, true),
                new Material("materials[1]", Rgb.WHITE, 1f, 1f, 1f, 1.5f, 1f, 0f, Rgb.BLACK,
                        Material.NO_TEXTURE, Material.NO_TEXTURE, Material.NO_TEXTURE, Material.NO_TEXTURE, 1f, false)),
                scene.materials(), "no default material: no primitive needs it");
        assertEquals(2, scene.textures().size());
        Texture a = scene.textures().get(0);
        assertEquals("albedo.png", a.name());
        assertEquals(2, a.width());
        assertEquals(1, a.height());
        assertArrayEquals(new byte[] {0x10, 0x20, 0x30, (byte) 0xFF, 0x40, (byte) 0x80, (byte) 0xC0, (byte) 0x80},
                a.rgba());
        Texture b = scene.textures().get(1);
        assertEquals("orm", b.name());
        assertArrayEquals(new byte[] {0, (byte) 0xFF, (byte) 0x80, (byte) 0xFF}, b.rgba());
    }

    @Test
    void imageSharedByTexturesAndMaterialsIsDecodedOnce() throws IOException {
        String image = dataUri("image/png", png(1, 1, 0xFFFF0000));
        String json = doc("""
                "materials":[{"pbrMetallicRoughness":{"baseColorTexture":{"index":0}}},
                             {"pbrMetallicRoughness":{"baseColorTexture":{"index":1}},"emissiveTexture":{"index":0}}],
                "textures":[{"source":0},{"source":0}],
                "images":[{"uri":"%s"},{"uri":"unused-and-never-read.png"}]
                """.formatted(image));
        Scene scene = GltfLoader.load(write(dir, "shared.gltf", json));
        assertEquals(1, scene.textures().size());
        assertEquals(0, scene.materials().get(0).baseColorTexture());
        assertEquals(0, scene.materials().get(1).baseColorTexture());
        assertEquals(0, scene.materials().get(1).emissiveTexture());
        assertArrayEquals(new byte[] {(byte) 0xFF, 0, 0, (byte) 0xFF}, scene.textures().get(0).rgba());
    }

    @Test
    void sparseAccessorReplacesListedElementsOfBufferAndOfZeroData() throws IOException {
        GltfFixture.Bin bin = new GltfFixture.Bin();
        int base = bin.floats(0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0);
        int sparseIdx = bin.ubytes(1, 3);
        int sparseVal = bin.floats(5, 0, 0, 5, 5, 0);
        byte[] data = bin.toBytes();
        String sparse = "\"sparse\":{\"count\":2,\"indices\":{\"bufferView\":1,\"componentType\":5121},"
                + "\"values\":{\"bufferView\":2}}";
        String json = doc("""
                "meshes":[{"primitives":[{"attributes":{"POSITION":0},"mode":5}]},
                          {"primitives":[{"attributes":{"POSITION":1},"mode":5}]}],
                "buffers":[{"byteLength":%d}],
                "bufferViews":[{"buffer":0,"byteOffset":%d,"byteLength":48},{"buffer":0,"byteOffset":%d,"byteLength":2},
                               {"buffer":0,"byteOffset":%d,"byteLength":24}],
                "accessors":[{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3",%s},
                             {"componentType":5126,"count":4,"type":"VEC3",%s}]
                """.formatted(data.length, base, sparseIdx, sparseVal, sparse, sparse));
        Scene scene = GltfLoader.load(write(dir, "sparse.glb", glb(json, data)));
        assertArrayEquals(new float[] {0, 0, 0, 5, 0, 0, 0, 1, 0, 5, 5, 0}, scene.meshes().get(0).positions());
        assertArrayEquals(new float[] {0, 0, 0, 5, 0, 0, 0, 0, 0, 5, 5, 0}, scene.meshes().get(1).positions());
    }

    @Test
    void emissiveStrengthMultipliesEmissiveFactor() throws IOException {
        String json = doc("""
                "materials":[{"emissiveFactor":[1,0.5,0]},
                             {"emissiveFactor":[1,0.5,0],"extensions":{"KHR_materials_emissive_strength":{"emissiveStrength":10}}}]
                """);
        List<Material> m = GltfLoader.load(write(dir, "lamp.gltf", json)).materials();
        assertEquals(new Rgb(1f, 0.5f, 0f), m.get(0).emission());
        assertEquals(new Rgb(10f, 5f, 0f), m.get(1).emission());
    }

    @Test
    void iorZeroMeansInfiniteAndLargeIorIsClampedToTheMaterialRange() throws IOException {
        String json = doc("""
                "materials":[{"extensions":{"KHR_materials_ior":{"ior":0}}},{"extensions":{"KHR_materials_ior":{"ior":7}}},
                             {"extensions":{"KHR_materials_ior":{"ior":1}}}]
                """);
        List<Material> m = GltfLoader.load(write(dir, "ior.gltf", json)).materials();
        assertEquals(5f, m.get(0).ior());
        assertEquals(5f, m.get(1).ior());
        assertEquals(1f, m.get(2).ior());
    }

    @Test
    void primitivesAreConcatenatedWithOffsetIndicesAndOneMaterialPerTriangle() throws IOException {
        GltfFixture.Bin bin = new GltfFixture.Bin();
        int a = bin.floats(0, 0, 0, 1, 0, 0, 0, 1, 0);
        int b = bin.floats(0, 0, 1, 1, 0, 1, 0, 1, 1);
        byte[] data = bin.toBytes();
        String json = doc("""
                "materials":[{"name":"red","pbrMetallicRoughness":{"baseColorFactor":[1,0,0,1]}}],
                "meshes":[{"primitives":[{"attributes":{"POSITION":0},"material":0},{"attributes":{"POSITION":1}}]}],
                "buffers":[{"byteLength":%d}],
                "bufferViews":[{"buffer":0,"byteOffset":%d,"byteLength":36},{"buffer":0,"byteOffset":%d,"byteLength":36}],
                "accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"},
                             {"bufferView":1,"componentType":5126,"count":3,"type":"VEC3"}]
                """.formatted(data.length, a, b));
        Scene scene = GltfLoader.load(write(dir, "two.glb", glb(json, data)));
        Mesh m = scene.meshes().get(0);
        assertEquals(6, m.vertexCount());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, m.indices());
        assertArrayEquals(new int[] {0, 1}, m.triangleMaterials());
        assertEquals(2, scene.materials().size());
        assertEquals("red", scene.materials().get(0).name());
        assertEquals(Material.gltfDefault(), scene.materials().get(1));
        assertEquals(1f, m.positions()[3 * 4 + 2], "second primitive's vertices follow the first's");
    }

    @Test
    void attributesOnlySomePrimitivesHaveAreZeroFilledOrDropped() throws IOException {
        GltfFixture.Bin bin = new GltfFixture.Bin();
        int p = bin.floats(0, 0, 0, 1, 0, 0, 0, 1, 0);
        int n = bin.floats(0, 0, 1, 0, 0, 1, 0, 0, 1);
        int uv = bin.ubytes(0, 255, 255, 255, 0, 0);
        int tan = bin.floats(1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, -1);
        byte[] data = bin.toBytes();
        String json = doc("""
                "meshes":[{"primitives":[
                   {"attributes":{"POSITION":0,"NORMAL":1,"TEXCOORD_0":2,"TANGENT":3}},
                   {"attributes":{"POSITION":0}},
                   {"attributes":{"POSITION":0},"mode":1},
                   {"attributes":{"POSITION":0},"mode":0}]}],
                "buffers":[{"byteLength":%d}],
                "bufferViews":[{"buffer":0,"byteOffset":%d,"byteLength":36},{"buffer":0,"byteOffset":%d,"byteLength":36},
                               {"buffer":0,"byteOffset":%d,"byteLength":6},{"buffer":0,"byteOffset":%d,"byteLength":48}],
                "accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"},
                             {"bufferView":1,"componentType":5126,"count":3,"type":"VEC3"},
                             {"bufferView":2,"componentType":5121,"normalized":true,"count":3,"type":"VEC2"},
                             {"bufferView":3,"componentType":5126,"count":3,"type":"VEC4"}]
                """.formatted(data.length, p, n, uv, tan));
        Mesh m = GltfLoader.load(write(dir, "mixed.glb", glb(json, data))).meshes().get(0);
        assertEquals(6, m.vertexCount(), "lines and points primitives are skipped");
        assertEquals(2, m.triangleCount());
        assertArrayEquals(new float[] {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, m.normals(),
                "zero normals: the packer shades those triangles flat");
        assertArrayEquals(new float[] {0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, m.uvs(), "normalized ubyte uvs, then zeros");
        assertNull(m.tangents(), "tangents dropped: not every primitive has them");
    }

    @Test
    void nodeWithZeroScaleIsHiddenAndSceneWithoutScenesShowsEveryRootNode() throws IOException {
        String json = triangleJson("\"uri\":\"" + dataUri("application/octet-stream", triangleBin()) + "\"")
                .replace("\"scene\":0,\"scenes\":[{\"nodes\":[0]}],", "")
                .replace("\"nodes\":[{\"mesh\":0}]", """
                        "nodes":[{"mesh":0,"scale":[0,0,0],"children":[1]},{"mesh":0},{"mesh":0,"translation":[0,0,-3]}]
                        """);
        Scene scene = GltfLoader.load(write(dir, "hidden.gltf", json));
        assertEquals(1, scene.instances().size(), "nodes 0 and 1 have a singular world transform");
        assertVector(0, 0, -3, scene.instances().get(0).objectToWorld().transformPosition(new Vector3f()));
    }

    @Test
    void sceneIndexSelectsWhichSceneIsShown() throws IOException {
        String json = triangleJson("\"uri\":\"" + dataUri("application/octet-stream", triangleBin()) + "\"")
                .replace("\"scene\":0,\"scenes\":[{\"nodes\":[0]}],", "\"scene\":1,\"scenes\":[{\"nodes\":[0]},{\"nodes\":[1]}],")
                .replace("\"nodes\":[{\"mesh\":0}]", "\"nodes\":[{\"mesh\":0},{\"mesh\":0,\"translation\":[4,0,0]}]");
        Scene scene = GltfLoader.load(write(dir, "scenes.gltf", json));
        assertEquals(1, scene.instances().size());
        assertVector(4, 0, 0, scene.instances().get(0).objectToWorld().transformPosition(new Vector3f()));
    }

    @Test
    void percentEncodedBufferUriNamesAFileWithASpace() throws IOException {
        write(dir, "my tri.bin", triangleBin());
        Scene scene = GltfLoader.load(write(dir, "encoded.gltf", triangleJson("\"uri\":\"my%20tri.bin\"")));
        assertEquals(1, scene.meshes().get(0).triangleCount());
    }

    @Test
    void loadedSceneIsPackedForTheGpu() throws IOException {
        float h = (float) Math.sqrt(0.5);
        String json = triangleJson("\"uri\":\"" + dataUri("application/octet-stream", triangleBin()) + "\"")
                .replace("\"nodes\":[{\"mesh\":0}]", """
                        "nodes":[{"mesh":0,"rotation":[%s,0,0,%s],"children":[1]},{"mesh":0,"translation":[0,0,2]}]
                        """.formatted(h, h));
        Scene scene = GltfLoader.load(write(dir, "pack.gltf", json));
        PackedScene packed = ScenePacker.pack(scene, 1);
        assertEquals(2, packed.header().instanceCount());
        assertEquals(1, packed.header().triangleCount());
        // Parent turned 90 degrees about x: (x, y, z) -> (x, -z, y); the child is 2 m along the parent's z.
        assertArrayEquals(new float[] {0, -2, 0, 1, 0, 1}, packed.header().worldBounds(), EPS);
    }
}
