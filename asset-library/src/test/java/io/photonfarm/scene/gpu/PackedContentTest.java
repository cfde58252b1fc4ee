package io.photonfarm.scene.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.image.FloatImage;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.Texture;
import io.photonfarm.scene.builtin.BuiltinScenes;
import io.photonfarm.scene.builtin.MeshBuilder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

/** What the packed records hold: lights, environment, shading frames, materials and textures. */
class PackedContentTest {

    @Test
    void cornellLightIsTwoTrianglesWithLuminanceTimesAreaWeights() {
        PackedScene packed = ScenePacker.pack(BuiltinScenes.cornellBox());
        SceneHeader h = packed.header();
        assertEquals(2, h.lightCount());
        double area = 0.130 * 0.105;
        double expected = new Rgb(17, 12, 4).luminance() * area;
        assertEquals(expected, h.lightTotalWeight(), 1e-6);
        ByteBuffer lights = packed.lights();
        double[] p = aliasProbabilities(packed.lightAlias(), 2);
        assertEquals(1.0, p[0] + p[1], 1e-6);
        for (int i = 0; i < 2; i++) {
            int at = GpuLayout.LIGHT * i;
            for (int c = 0; c < 3; c++) {
                assertEquals(0.5487f, lights.getFloat(at + 16 * c + 4), 1e-6f, "light vertex height");
                assertEquals(0f, lights.getFloat(at + 16 * c + 12), "w");
            }
            int tri = lights.getInt(at + 48);
            int inst = lights.getInt(at + 52);
            int firstTri = packed.instances().getInt(GpuLayout.INSTANCE * inst + 156);
            assertEquals(1, packed.instances().getInt(GpuLayout.INSTANCE * inst + 152), "the light mesh");
            assertTrue(tri == firstTri || tri == firstTri + 1);
            assertEquals(0.5, p[i], 1e-3, "equal halves of the light quad");
        }
    }

    @Test
    void lightWeightsUseWorldAreaOfEachInstance() {
        Mesh lamp = TestScenes.unindexed("lamp", new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, 1);
        Scene scene = new Scene(List.of(lamp), TestScenes.MATERIALS, List.of(),
                List.of(Instance.identity(0), new Instance(0, new Matrix4f().translate(5, 0, 0).scale(3))),
                Optional.empty(), Environment.black());
        PackedScene packed = ScenePacker.pack(scene);
        float lum = new Rgb(4, 3, 2).luminance();
        assertEquals(lum * (0.5 + 4.5), packed.header().lightTotalWeight(), 1e-5);
        double[] p = aliasProbabilities(packed.lightAlias(), 2);
        for (int i = 0; i < 2; i++) {
            int inst = packed.lights().getInt(GpuLayout.LIGHT * i + 52);
            int sceneInstance = packed.instances().getInt(GpuLayout.INSTANCE * inst + 148);
            assertEquals(sceneInstance == 0 ? 0.1 : 0.9, p[i], 1e-6);
        }
    }

    @Test
    void constantEnvironmentIsOneByOne() {
        PackedScene packed = ScenePacker.pack(BuiltinScenes.whiteFurnace(new Rgb(0.5f, 1f, 2f)));
        SceneHeader h = packed.header();
        assertEquals(1, h.envWidth());
        assertEquals(1, h.envHeight());
        assertEquals(1f, h.envIntensity());
        assertEquals(new Rgb(0.5f, 1f, 2f).luminance(), h.envTotalWeight(), 1e-6f);
        ByteBuffer px = packed.envPixels();
        assertEquals(0.5f, px.getFloat(0));
        assertEquals(1f, px.getFloat(4));
        assertEquals(2f, px.getFloat(8));
        assertEquals(1f, px.getFloat(12), "pmf");
    }

    @Test
    void environmentMapPmfIsLuminanceTimesSineAndSumsToOne() {
        int w = 16;
        int hgt = 8;
        float[] data = new float[w * hgt * 3];
        SplittableRandom rnd = new SplittableRandom(6);
        for (int i = 0; i < data.length; i++) {
            data[i] = i % 37 == 0 ? 0f : (float) Math.pow(rnd.nextDouble(), 3) * 10f;
        }
        FloatImage image = new FloatImage(w, hgt, 3, data);
        PackedScene packed = ScenePacker.pack(TestScenes.single(TestScenes.soup("s", 3, 1, 1, 1))
                .withEnvironment(new Environment.Map(image, 2f, 90f)));
        SceneHeader h = packed.header();
        assertEquals(w, h.envWidth());
        assertEquals(hgt, h.envHeight());
        assertEquals(2f, h.envIntensity());
        assertEquals((float) (Math.PI / 2), h.envRotationRad(), 1e-6f);
        double total = 0;
        double[] weight = new double[w * hgt];
        for (int y = 0; y < hgt; y++) {
            for (int x = 0; x < w; x++) {
                weight[y * w + x] = new Rgb(image.get(x, y, 0), image.get(x, y, 1), image.get(x, y, 2)).luminance()
                        * Math.sin(Math.PI * (y + 0.5) / hgt);
                total += weight[y * w + x];
            }
        }
        assertEquals(total, h.envTotalWeight(), 1e-4 * total);
        ByteBuffer px = packed.envPixels();
        double[] rows = aliasProbabilities(packed.envRowAlias(), hgt);
        ByteBuffer cols = packed.envColAlias();
        double pmfSum = 0;
        for (int y = 0; y < hgt; y++) {
            double[] col = aliasProbabilities(cols.slice(y * w * GpuLayout.ALIAS, w * GpuLayout.ALIAS)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN), w);
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float pmf = px.getFloat(GpuLayout.ENV_PIXEL * i + 12);
                assertEquals(weight[i] / total, pmf, 1e-6, "pmf of pixel " + x + "," + y);
                assertEquals(image.get(x, y, 1), px.getFloat(GpuLayout.ENV_PIXEL * i + 4), "raw radiance");
                assertEquals(pmf, rows[y] * col[x], 1e-5, "two-level alias probability of " + x + "," + y);
                pmfSum += pmf;
            }
        }
        assertEquals(1.0, pmfSum, 1e-5);
    }

    @Test
    void blackEnvironmentDisablesSampling() {
        PackedScene packed = ScenePacker.pack(BuiltinScenes.cornellBox());
        assertEquals(0f, packed.header().envTotalWeight());
    }

    @Test
    void tangentsFollowGltfUvsAndMirroringFlipsTheSign() {
        MeshBuilder b = new MeshBuilder();
        // Quad in z = 0 facing +z: u grows along +x, v (down the image) along -y.
        b.addQuad(new Vector3f(0, 0, 0), new Vector3f(1, 0, 0), new Vector3f(1, 1, 0), new Vector3f(0, 1, 0), 0);
        // Quad in z = 1 facing -z, the image upright as seen from its front: u grows along -x.
        b.addQuad(new Vector3f(1, 0, 1), new Vector3f(0, 0, 1), new Vector3f(0, 1, 1), new Vector3f(1, 1, 1), 0);
        Mesh mesh = b.build("quads");
        PackedScene packed = ScenePacker.pack(TestScenes.single(mesh));
        ShadingRecords s = new ShadingRecords(packed.shading());
        for (int i = 0; i < 4; i++) {
            int src = packed.sourceTriangle(i);
            boolean back = src >= 2;
            for (int c = 0; c < 3; c++) {
                assertEquals(back ? -1f : 1f, s.normal(i, c)[2], 1e-4f, "normal z");
                assertEquals(back ? -1f : 1f, s.tangent(i, c)[0], 1e-4f, "tangent x along +u");
                assertEquals(0f, s.tangent(i, c)[1], 1e-4f);
                // bitangent = w cross(n, t) must point up the image (+y, glTF normal maps are +Y up):
                // cross(+z, +x) = cross(-z, -x) = +y, so w = +1 for both.
                assertEquals(1f, s.bitangentSign(i, c), "bitangent sign");
            }
            assertEquals(ShadingRecords.HAS_UVS | ShadingRecords.HAS_TANGENTS, s.flags(i));
            assertEquals(0, s.material(i), "material");
        }
    }

    @Test
    void flippedVGivesNegativeBitangentSign() {
        // uv v growing up the quad (OBJ-style data fed in without the flip) is a mirrored mapping.
        float[] p = {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0};
        float[] uv = {0, 0, 1, 0, 1, 1, 0, 1};
        Mesh mesh = new Mesh("flipped", p, null, uv, null, new int[] {0, 1, 2, 0, 2, 3}, new int[] {0, 0});
        ShadingRecords s = new ShadingRecords(ScenePacker.pack(TestScenes.single(mesh)).shading());
        for (int i = 0; i < 2; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(1f, s.tangent(i, c)[0], 1e-4f);
                assertEquals(-1f, s.bitangentSign(i, c), "bitangent sign");
            }
        }
    }

    @Test
    void meshTangentsAreNormalisedAndNoUvsMeansZeroTangents() {
        float[] p = {0, 0, 0, 1, 0, 0, 0, 1, 0};
        float[] tan = {2, 0, 0, -5, 0, 2, 0, 1, 0, 0, 0, 3};
        Mesh withTangents = new Mesh("t", p, null, new float[6], tan, new int[] {0, 1, 2}, new int[] {1});
        Mesh bare = new Mesh("b", p, null, null, null, new int[] {0, 1, 2}, new int[] {0});
        Scene scene = new Scene(List.of(withTangents, bare), TestScenes.MATERIALS, List.of(),
                List.of(Instance.identity(0), Instance.identity(1)), Optional.empty(), Environment.black());
        PackedScene packed = ScenePacker.pack(scene);
        ShadingRecords s = new ShadingRecords(packed.shading());
        // Meshes follow each other in mesh order: triangle 0 is mesh 0.
        assertEquals(1f, s.tangent(0, 0)[0], 1e-4f);
        assertEquals(-1f, s.bitangentSign(0, 0));
        assertEquals(1f, s.tangent(0, 1)[1], 1e-4f);
        assertEquals(1f, s.bitangentSign(0, 1));
        assertEquals(1, s.material(0), "material");
        assertEquals(ShadingRecords.HAS_UVS | ShadingRecords.HAS_TANGENTS, s.flags(0) & 3);
        ByteBuffer raw = packed.shading();
        for (int k = ShadingRecords.TANGENT0; k < GpuLayout.SHADING; k += 4) {
            assertEquals(0, raw.getInt(GpuLayout.SHADING + k), "no uvs: tangent and uv zero at byte " + k);
        }
        assertEquals(0, s.flags(1), "flags");
        assertEquals(1f, s.normal(1, 0)[2], 0f, "face normal +z when the mesh has none");
    }

    @Test
    void vertexNormalsAreStoredAsFloat32UnitVectorsWithoutQuantisation() {
        float[] p = {0, 0, 0, 1, 0, 0, 0, 1, 0};
        // Directions that 16-bit octahedral coordinates would move by up to about 1e-4 rad.
        float[] n = {1, 2, 3, -0.3f, 0.7f, 0.01f, 0.123456f, -0.654321f, 0.5f};
        Mesh mesh = new Mesh("n", p, n, null, null, new int[] {0, 1, 2}, new int[] {0});
        ShadingRecords s = new ShadingRecords(ScenePacker.pack(TestScenes.single(mesh)).shading());
        for (int c = 0; c < 3; c++) {
            double len = Math.sqrt((double) n[3 * c] * n[3 * c] + (double) n[3 * c + 1] * n[3 * c + 1]
                    + (double) n[3 * c + 2] * n[3 * c + 2]);
            float[] stored = s.normal(0, c);
            double dot = 0;
            double storedLen2 = 0;
            for (int a = 0; a < 3; a++) {
                dot += stored[a] * (n[3 * c + a] / len);
                storedLen2 += (double) stored[a] * stored[a];
            }
            assertEquals(1.0, Math.sqrt(storedLen2), 1e-7, "corner " + c + " is a unit vector");
            double angle = Math.acos(Math.min(1, dot / Math.sqrt(storedLen2)));
            assertTrue(angle < 1e-6, "corner " + c + " normal off by " + angle + " rad");
        }
    }

    @Test
    void materialsAndTexturesAreWrittenFieldByField() {
        Texture a = new Texture("a", 2, 1, new byte[] {1, 2, 3, 4, (byte) 250, 6, 7, (byte) 255});
        Texture b = new Texture("b", 1, 1, new byte[] {9, 10, 11, 12});
        Material m = new Material("m", new Rgb(0.1f, 0.2f, 0.3f), 0.9f, 0.4f, 0.5f, 1.33f, 0.7f, 0.25f,
                new Rgb(1f, 2f, 3f), 1, -1, 0, 1, 0.8f, true);
        Scene scene = new Scene(List.of(TestScenes.unindexed("t", new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, 0)),
                List.of(m), List.of(a, b), List.of(Instance.identity(0)), Optional.empty(), Environment.black());
        PackedScene packed = ScenePacker.pack(scene);
        ByteBuffer mb = packed.materials();
        float[] expected = {0.1f, 0.2f, 0.3f, 0.9f, 1f, 2f, 3f, 0f, 0.4f, 0.5f, 1.33f, 0.25f, 0.7f, 0.8f, 1f, 0f};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], mb.getFloat(4 * i), "material float " + i);
        }
        assertEquals(1, mb.getInt(64));
        assertEquals(-1, mb.getInt(68));
        assertEquals(0, mb.getInt(72));
        assertEquals(1, mb.getInt(76));
        ByteBuffer info = packed.texInfos();
        assertEquals(List.of(0, 2, 1, 0, 2, 1, 1, 0), List.of(info.getInt(0), info.getInt(4), info.getInt(8),
                info.getInt(12), info.getInt(16), info.getInt(20), info.getInt(24), info.getInt(28)));
        ByteBuffer texels = packed.texels();
        assertEquals(3 * GpuLayout.TEXEL, texels.limit());
        assertEquals(0x04030201, texels.getInt(0), "R in the lowest byte");
        assertEquals(0xFF0706FA, texels.getInt(4));
        assertEquals(0x0C0B0A09, texels.getInt(8));
    }

    /** Probabilities implied by an alias table buffer of n entries (see AliasTableTest). */
    static double[] aliasProbabilities(ByteBuffer alias, int n) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            float q = alias.getFloat(GpuLayout.ALIAS * i);
            int a = alias.getInt(GpuLayout.ALIAS * i + 4);
            p[i] += q / (double) n;
            p[a] += (1.0 - q) / n;
        }
        return p;
    }
}
