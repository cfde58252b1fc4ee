package io.photonfarm.scene.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.Texture;
import io.photonfarm.scene.gpu.PackedScene;
import io.photonfarm.scene.gpu.ScenePacker;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObjLoaderTest {
    private static final float EPS = 1e-6f;

    /** A 2x2 cube, each face a quad with its own normal, uvs (0,0) (1,0) (1,1) (0,0.25), CCW from outside. */
    private static final String CUBE = """
            # cube
            mtllib cube.mtl
            v -1 -1 -1
            v 1 -1 -1
            v 1 1 -1
            v -1 1 -1
            v -1 -1 1
            v 1 -1 1
            v 1 1 1
            v -1 1 1
            vt 0 0
            vt 1 0
            vt 1 1
            vt 0 0.25
            vn 0 0 -1
            vn 0 0 1
            vn -1 0 0
            vn 1 0 0
            vn 0 -1 0
            vn 0 1 0
            usemtl red
            f 1/1/1 4/2/1 3/3/1 2/4/1
            f 5/1/2 6/2/2 7/3/2 8/4/2
            f 1/1/3 5/2/3 8/3/3 4/4/3
            usemtl wood
            f 2/1/4 3/2/4 7/3/4 6/4/4
            f 1/1/5 2/2/5 6/3/5 5/4/5
            f 4/1/6 8/2/6 7/3/6 3/4/6
            """;

    private static final String CUBE_MTL = """
            newmtl red
            Kd 0.8 0.1 0.1
            Ks 0.5 0.5 0.5
            Ns 98
            Ni 1.45
            illum 2

            newmtl wood
            map_Kd wood.png

            newmtl unused
            map_Kd not-there.png
            """;

    private static final String TRIANGLE = "v 0 0 0\nv 1 0 0\nv 0 1 0\n";

    @TempDir
    Path dir;

    @Test
    void texturedCubeLoadsDedupedVerticesTwoMaterialsFlippedUvsAndItsTexture() throws IOException {
        write("cube.obj", CUBE);
        write("cube.mtl", CUBE_MTL);
        writePng("wood.png", 2, 2, 0xffff0000, 0xff00ff00, 0xff0000ff, 0xffffffff);

        Scene scene = ObjLoader.load(dir.resolve("cube.obj"));

        assertEquals(1, scene.meshes().size());
        Mesh cube = scene.meshes().get(0);
        assertEquals("cube", cube.name());
        assertEquals(24, cube.vertexCount(), "4 distinct (v, vt, vn) corners per face");
        assertEquals(12, cube.triangleCount());
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 3}, Arrays.copyOf(cube.indices(), 6));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1}, cube.triangleMaterials());
        // First face: corners 1/1/1 4/2/1 3/3/1 2/4/1, v flipped.
        assertArrayEquals(new float[] {0, 1, 1, 1, 1, 0, 0, 0.75f}, Arrays.copyOf(cube.uvs(), 8), EPS);
        assertArrayEquals(new float[] {-1, -1, -1, -1, 1, -1}, Arrays.copyOf(cube.positions(), 6));
        assertArrayEquals(new float[] {0, 0, -1}, Arrays.copyOf(cube.normals(), 3));
        assertNull(cube.tangents());
        for (int t = 0; t < cube.triangleCount(); t++) {
            Vector3f n = faceNormal(cube, t);
            int v = cube.indices()[3 * t];
            Vector3f stored = new Vector3f(cube.normals()[3 * v], cube.normals()[3 * v + 1], cube.normals()[3 * v + 2]);
            assertTrue(n.dot(stored) > 0.99f, "triangle " + t + " winds counter-clockwise seen from outside");
        }

        assertEquals(2, scene.materials().size(), "only used materials are converted");
        Material red = scene.materials().get(0);
        assertEquals("red", red.name());
        assertEquals(new Rgb(0.8f, 0.1f, 0.1f), red.baseColor());
        assertEquals((float) Math.sqrt(2.0 / 100.0), red.roughness(), EPS);
        assertEquals(1.45f, red.ior(), EPS);
        assertEquals(1f, red.specular());
        assertEquals(0f, red.metallic());
        assertEquals(0f, red.transmission());
        assertEquals(1f, red.alpha());
        assertTrue(red.doubleSided());
        assertEquals(Material.NO_TEXTURE, red.baseColorTexture());
        Material wood = scene.materials().get(1);
        assertEquals(Rgb.WHITE, wood.baseColor(), "map_Kd without Kd shows the texture as is");
        assertEquals(1f, wood.roughness());
        assertEquals(0f, wood.specular(), "no Ks: no highlight");
        assertEquals(0, wood.baseColorTexture());

        assertEquals(1, scene.textures().size());
        Texture png = scene.textures().get(0);
        assertEquals("wood.png", png.name());
        assertEquals(2, png.width());
        assertArrayEquals(new byte[] {(byte) 255, 0, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255,
                0, 0, (byte) 255, (byte) 255, (byte) 255, (byte) 255, (byte) 255, (byte) 255}, png.rgba());

        assertEquals(1, scene.instances().size());
        assertEquals(new Matrix4f(), scene.instances().get(0).objectToWorld());
        assertTrue(scene.camera().isEmpty());
    }

    @Test
    void quadsAndPolygonsAreFannedWithTheirWindingKept() throws IOException {
        // A CCW quad and a CCW pentagon seen from +z, and a CW hexagon (normal -z).
        write("poly.obj", """
                v 0 0 0
                v 1 0 0
                v 1 1 0
                v 0 1 0
                f 1 2 3 4
                v 3 0 0
                v 4 0 0
                v 4.5 1 0
                v 3.5 2 0
                v 2.5 1 0
                f 5 6 7 8 9
                v 7 1 0
                v 6.5 0 0
                v 5.5 0 0
                v 5 1 0
                v 5.5 2 0
                v 6.5 2 0
                f 10 11 12 13 14 15
                """);
        Mesh mesh = ObjLoader.load(dir.resolve("poly.obj")).meshes().get(0);

        assertEquals(2 + 3 + 4, mesh.triangleCount());
        assertEquals(15, mesh.vertexCount());
        for (int t = 0; t < 5; t++) {
            assertEquals(1f, faceNormal(mesh, t).z, EPS, "triangle " + t + " faces +z like its polygon");
        }
        for (int t = 5; t < 9; t++) {
            assertEquals(-1f, faceNormal(mesh, t).z, EPS, "triangle " + t + " faces -z like its polygon");
        }
        assertArrayEquals(new int[] {4, 5, 6, 4, 6, 7, 4, 7, 8}, Arrays.copyOfRange(mesh.indices(), 6, 15),
                "a fan around the first corner");
    }

    @Test
    void negativeIndicesCountBackFromTheLatestVertex() throws IOException {
        write("neg.obj", """
                v 9 9 9
                v 0 0 0
                v 1 0 0
                v 0 1 0
                vt 0.5 0.5
                vn 0 0 1
                f -3/-1/-1 -2/-1/-1 -1/-1/-1
                """);
        Mesh mesh = ObjLoader.load(dir.resolve("neg.obj")).meshes().get(0);

        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, mesh.positions(), "only the used vertices, not 9 9 9");
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f}, mesh.uvs());
        assertArrayEquals(new int[] {0, 1, 2}, mesh.indices());
    }

    @Test
    void objectsAndGroupsBecomeSeparateMeshesWithTheirOwnVertices() throws IOException {
        write("parts.obj", TRIANGLE + """
                v 0 0 1
                f 1 2 3
                o lid
                g handle
                f 2 3 4
                g knob
                g empty
                o
                f 1 3 4
                f 1 4 2
                """);
        Scene scene = ObjLoader.load(dir.resolve("parts.obj"));

        assertEquals(List.of("parts", "lid/handle", "parts"), scene.meshes().stream().map(Mesh::name).toList(),
                "faces before any o/g are named after the file; groups without faces make no mesh");
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, scene.meshes().get(1).positions());
        assertArrayEquals(new int[] {0, 1, 2}, scene.meshes().get(1).indices(), "mesh-local indices");
        assertEquals(4, scene.meshes().get(2).vertexCount());
        assertEquals(3, scene.instances().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i, scene.instances().get(i).mesh());
        }
        assertEquals(List.of(MtlMaterials.defaultMaterial()), scene.materials(), "no usemtl: the default material");
    }

    @Test
    void cornersWithoutNormalsDropTheMeshNormalsAndMergeTheirVertices() throws IOException {
        write("mixed.obj", TRIANGLE + """
                v 1 1 0
                vn 0 0 1
                f 1 2 3
                f 2//1 4//1 3//1
                o all
                f 1//1 2//1 3//1
                """);
        Scene scene = ObjLoader.load(dir.resolve("mixed.obj"));

        Mesh mixed = scene.meshes().get(0);
        assertNull(mixed.normals(), "one corner without vn: the packer derives face normals");
        assertNull(mixed.uvs());
        assertEquals(4, mixed.vertexCount(), "2//1 and 2 are one vertex once normals are gone");
        assertArrayEquals(new int[] {0, 1, 2, 1, 3, 2}, mixed.indices());
        assertArrayEquals(new float[] {0, 0, 1, 0, 0, 1, 0, 0, 1}, scene.meshes().get(1).normals());
    }

    @Test
    void mapOptionsAreSkippedAndFileNamesMayContainSpaces() throws IOException {
        write("opts.obj", "mtllib my materials.mtl\n" + TRIANGLE + "vt 0 0\nusemtl fancy stuff\nf 1/1 2/1 3/1\n");
        write("my materials.mtl", """
                newmtl fancy stuff
                Kd 1 1 1
                map_Kd -o 0.1 0.2 -s 2 2 1 -clamp on -blendu off -mm 0 1 my texture.png
                norm -bm 0.5 -imfchan l maps/normal map.png
                map_Ke -t 0.1 -texres 512 -cc on my texture.png
                """);
        writePng("my texture.png", 1, 1, 0xff102030);
        Files.createDirectories(dir.resolve("maps"));
        writePng("maps/normal map.png", 1, 1, 0xff8080ff);

        Scene scene = ObjLoader.load(dir.resolve("opts.obj"));

        Material m = scene.materials().get(0);
        assertEquals("fancy stuff", m.name());
        assertEquals(0, m.baseColorTexture());
        assertEquals(0, m.emissiveTexture(), "the same file is one texture");
        assertEquals(Rgb.WHITE, m.emission(), "map_Ke without Ke emits the texture");
        assertEquals(1, m.normalTexture());
        assertEquals(0.5f, m.normalScale());
        assertEquals(List.of("my texture.png", "maps/normal map.png"),
                scene.textures().stream().map(Texture::name).toList());
        assertEquals((byte) 0xff, scene.textures().get(1).rgba()[2]);
    }

    @Test
    void aTextureSharedByMaterialsInTwoLibrariesIsDecodedOnce() throws IOException {
        write("shared.obj", "mtllib a.mtl b.mtl\n" + TRIANGLE + "usemtl a\nf 1 2 3\nusemtl b\nf 3 2 1\n");
        write("a.mtl", "newmtl a\nmap_Kd tex/../t.png\n");
        write("b.mtl", "newmtl b\nmap_Kd t.png\nmap_Ke ./t.png\n");
        writePng("t.png", 1, 1, 0xff336699);

        Scene scene = ObjLoader.load(dir.resolve("shared.obj"));

        assertEquals(1, scene.textures().size());
        assertEquals(0, scene.materials().get(0).baseColorTexture());
        assertEquals(0, scene.materials().get(1).baseColorTexture());
        assertEquals(0, scene.materials().get(1).emissiveTexture());
        assertArrayEquals(new int[] {0, 1}, scene.meshes().get(0).triangleMaterials());
    }

    @Test
    void roughnessAndMetallicMapsAreCombinedIntoTheGreenAndBlueChannels() throws IOException {
        write("pbr.obj", "mtllib pbr.mtl\n" + TRIANGLE + "usemtl both\nf 1 2 3\nusemtl rough\nf 1 3 2\n"
                + "usemtl odd\nf 2 1 3\n");
        write("pbr.mtl", """
                newmtl both
                Pm 0.5
                map_Pr rough.png
                map_Pm metal.png
                newmtl rough
                Pm 0.25
                map_Pr rough.png
                newmtl odd
                map_Pr rough.png
                map_Pm big.png
                """);
        writePng("rough.png", 2, 1, 0xff404040, 0xff808080);
        writePng("metal.png", 2, 1, 0xffffffff, 0xff000000);
        writePng("big.png", 4, 4, 0xffffffff);

        Scene scene = ObjLoader.load(dir.resolve("pbr.obj"));

        Material both = scene.materials().get(0);
        assertEquals(1f, both.roughness(), "map_Pr without Pr: the map alone");
        assertEquals(0.5f, both.metallic());
        assertEquals(1f, both.specular());
        Texture mr = scene.textures().get(both.metallicRoughnessTexture());
        assertArrayEquals(new byte[] {(byte) 255, 0x40, (byte) 255, (byte) 255, (byte) 255, (byte) 0x80, 0, (byte) 255},
                mr.rgba(), "roughness in G, metallic in B");
        Material rough = scene.materials().get(1);
        assertEquals(0.25f, rough.metallic());
        Texture roughOnly = scene.textures().get(rough.metallicRoughnessTexture());
        assertEquals(0x40, roughOnly.rgba()[1] & 0xff);
        assertEquals(255, roughOnly.rgba()[2] & 0xff, "no metallic map: the factor alone");
        Material odd = scene.materials().get(2);
        assertEquals(rough.metallicRoughnessTexture(), odd.metallicRoughnessTexture(),
                "sizes differ: map_Pm is dropped, the same roughness-only texture is reused");
        assertEquals(0f, odd.metallic());
        assertEquals(2, scene.textures().size());
    }

    @Test
    void mtlValuesMapToThePrincipledMaterialByTheDocumentedRules() throws IOException {
        write("rules.obj", "mtllib rules.mtl\n" + TRIANGLE + """
                f 1 2 3
                usemtl glass
                f 1 2 3
                usemtl leaf
                f 1 2 3
                usemtl lamp
                f 1 2 3
                usemtl metal
                f 1 2 3
                usemtl matte
                f 1 2 3
                usemtl nobody
                f 1 2 3
                """);
        write("rules.mtl", """
                # statements of several exporters
                newmtl glass
                Kd 1.5 -0.5 0.5
                Ks 0 0 0
                Ni 0
                d 0.2
                illum 4
                newmtl leaf
                Kd 0.2
                Ks 0.04 0.04 0.04
                Tr 0.25
                Ns -10
                illum 2
                newmtl lamp
                Ke 10 5 -1
                Ni 9
                newmtl metal
                Pr 1.5
                Pm 0.9
                Ks 0 0 0
                newmtl matte
                Ks 1 1 1
                Ns 1000
                illum 1
                """);
        Scene scene = ObjLoader.load(dir.resolve("rules.obj"));
        List<Material> m = scene.materials();

        assertEquals(List.of("default", "glass", "leaf", "lamp", "metal", "matte"), m.stream().map(Material::name).toList(),
                "the default once, for faces before usemtl and for the unknown name");
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 0}, scene.meshes().get(0).triangleMaterials());
        assertEquals(new Rgb(0.8f, 0.8f, 0.8f), m.get(0).baseColor());

        Material glass = m.get(1);
        assertEquals(new Rgb(1f, 0f, 0.5f), glass.baseColor());
        assertEquals(0.8f, glass.transmission(), EPS);
        assertEquals(1f, glass.alpha());
        assertEquals(1.5f, glass.ior(), "Ni 0 means unset");
        assertEquals(1f, glass.specular(), "glass keeps its reflection");

        Material leaf = m.get(2);
        assertEquals(new Rgb(0.2f, 0.2f, 0.2f), leaf.baseColor());
        assertEquals(0.75f, leaf.alpha(), EPS);
        assertEquals(0f, leaf.transmission(), "illum 2: dissolve is coverage");
        assertEquals(1f, leaf.roughness(), "negative Ns counts as 0");
        assertEquals(1f, leaf.specular());

        Material lamp = m.get(3);
        assertEquals(new Rgb(10, 5, 0), lamp.emission());
        assertEquals(5f, lamp.ior());
        assertEquals(1f, lamp.roughness(), "neither Ns nor Pr: matte");
        assertEquals(0f, lamp.specular());

        Material metal = m.get(4);
        assertEquals(1f, metal.roughness());
        assertEquals(0.9f, metal.metallic(), EPS);
        assertEquals(1f, metal.specular(), "Pr/Pm given: a PBR material keeps its specular");

        Material matte = m.get(5);
        assertEquals(0f, matte.specular(), "illum 1 has no highlight");
        assertEquals((float) Math.sqrt(2.0 / 1002.0), matte.roughness(), EPS);
    }

    @Test
    void bumpIsANormalMapOnlyWhenItsPixelsLookLikeOne() throws IOException {
        write("bump.obj", "mtllib bump.mtl\n" + TRIANGLE + "usemtl height\nf 1 2 3\nusemtl normal\nf 1 2 3\n");
        write("bump.mtl", """
                newmtl height
                bump -bm 2 height.png
                newmtl normal
                map_Bump -bm 0.7 normal.png
                """);
        writePng("height.png", 2, 1, 0xff000000, 0xffc0c0c0);
        writePng("normal.png", 2, 1, 0xff8080ff, 0xff7088f0);

        Scene scene = ObjLoader.load(dir.resolve("bump.obj"));

        assertEquals(Material.NO_TEXTURE, scene.materials().get(0).normalTexture(), "a grey height map is ignored");
        assertEquals(0, scene.materials().get(1).normalTexture());
        assertEquals(0.7f, scene.materials().get(1).normalScale(), EPS);
        assertEquals(List.of("normal.png"), scene.textures().stream().map(Texture::name).toList());
    }

    @Test
    void continuationsCommentsCrlfTabsAndIgnoredStatementsAreRead() throws IOException {
        write("syntax.obj", "# exported\r\nv 0 0 0 1 0.5 0.5 0.5\r\nv\t1 0 0\r\nv 0 \\\r\n 1 0   # top\r\n"
                + "\r\n\t\r\ns 1\r\nl 1 2\r\np 1\r\nvp 0.5\r\ncstype bezier\r\nf 1 \\\n2 \\\n3\r\nf 1 2 3 # again\n"
                + "vt 0.5\r\nf 1/1 2/1 3/1");

        Mesh mesh = ObjLoader.load(dir.resolve("syntax.obj")).meshes().get(0);

        assertEquals(3, mesh.triangleCount());
        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, Arrays.copyOf(mesh.positions(), 9));
        assertNull(mesh.uvs(), "the first two faces have no vt");
    }

    @Test
    void aSingleTexCoordComponentGivesVZeroWhichFlipsToOne() throws IOException {
        write("vt.obj", TRIANGLE + "vt 0.25\nf 1/1 2/1 3/1\n");
        assertArrayEquals(new float[] {0.25f, 1, 0.25f, 1, 0.25f, 1}, ObjLoader.load(dir.resolve("vt.obj")).meshes().get(0).uvs());
    }

    @Test
    void theCornellBoxFixtureLoadsAndPacks() throws IOException, URISyntaxException {
        Path obj = Path.of(getClass().getResource("obj/cornell.obj").toURI());

        Scene scene = ObjLoader.load(obj);

        assertEquals(List.of("floor", "ceiling", "back", "left", "right", "light", "block"),
                scene.meshes().stream().map(Mesh::name).toList());
        assertEquals(22, scene.instancedTriangleCount());
        assertEquals(List.of("white", "red", "green", "light"), scene.materials().stream().map(Material::name).toList());
        assertEquals(new Rgb(17, 12, 4), scene.materials().get(3).emission());
        assertNull(scene.meshes().get(6).normals());
        PackedScene packed = ScenePacker.pack(scene, 1);
        assertEquals(22, packed.header().triangleCount());
        assertEquals(2, packed.header().lightCount(), "the two light triangles");
    }

    @Test
    void aLargeGridLoadsWithSharedVertices() throws IOException {
        int n = 200;
        StringBuilder s = new StringBuilder();
        for (int y = 0; y <= n; y++) {
            for (int x = 0; x <= n; x++) {
                s.append("v ").append(x * 0.01f).append(' ').append(y * 0.01f).append(" 0\n");
            }
        }
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int a = y * (n + 1) + x + 1;
                s.append("f ").append(a).append(' ').append(a + 1).append(' ').append(a + n + 2).append(' ')
                        .append(a + n + 1).append('\n');
            }
        }
        write("grid.obj", s.toString());

        Mesh mesh = ObjLoader.load(dir.resolve("grid.obj")).meshes().get(0);

        assertEquals(2 * n * n, mesh.triangleCount());
        assertEquals((n + 1) * (n + 1), mesh.vertexCount());
    }

    static Stream<Arguments> brokenObjFiles() {
        return Stream.of(
                Arguments.of("index out of range", TRIANGLE + "f 1 2 9\n", "line 4: face refers to vertex 9, but only 3 are defined"),
                Arguments.of("relative index out of range", TRIANGLE + "f -1 -2 -4\n", "line 4: face refers to vertex -4 (relative)"),
                Arguments.of("index 0", TRIANGLE + "f 0 1 2\n", "line 4: face refers to vertex 0; OBJ indices start at 1"),
                Arguments.of("uv index out of range", TRIANGLE + "vt 0 0\nf 1/1 2/2 3/1\n", "line 5: face refers to texture coordinate 2, but only 1 is defined"),
                Arguments.of("normal without normals", TRIANGLE + "f 1//1 2//1 3//1\n", "line 4: face refers to normal 1, but only 0 are defined"),
                Arguments.of("malformed index", TRIANGLE + "f 1 2 3x\n", "line 4: face has the malformed vertex index '3x'"),
                Arguments.of("too many slashes", TRIANGLE + "f 1 2 3/1/1/1\n", "line 4: face vertex '3/1/1/1' has more than three indices"),
                Arguments.of("malformed float", "v 0 0 0\nv 1 0.0.1 0\n", "line 2: vertex coordinate y is '0.0.1', not a number"),
                Arguments.of("Java float suffix", "v 1f 0 0\n", "line 1: vertex coordinate x is '1f', not a number"),
                Arguments.of("NaN coordinate", "v 0 0 0\n\nv NaN 0 0\n", "line 3: vertex coordinate x is 'NaN', not a finite number"),
                Arguments.of("overflowing coordinate", "v 1e39 0 0\n", "line 1: vertex coordinate x is '1e39', not a finite"),
                Arguments.of("missing coordinate", "v 1 2\n", "line 1: vertex coordinate z is missing"),
                Arguments.of("face with 2 vertices", TRIANGLE + "f 1 2\n", "line 4: face has 2 vertices; at least 3 are needed"),
                Arguments.of("usemtl without a name", TRIANGLE + "usemtl\n", "line 4: usemtl without a material name"),
                Arguments.of("empty file", "", "no faces: nothing to render"),
                Arguments.of("only vertices and lines", TRIANGLE + "l 1 2\np 3\n", "no faces: nothing to render"),
                Arguments.of("missing mtl file", "mtllib missing.mtl\n" + TRIANGLE + "f 1 2 3\n",
                        "line 1: mtllib refers to 'missing.mtl', which does not exist"),
                Arguments.of("absolute mtllib", "mtllib /etc/passwd\n", "line 1: mtllib refers to the absolute path"),
                Arguments.of("error in the continued line", "v 0 \\\n0 \\\nx\n", "line 1: vertex coordinate z is 'x'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenObjFiles")
    void aBrokenObjFileIsRefusedNamingTheFileAndLine(String caseName, String content, String expected) throws IOException {
        write("broken.obj", content);

        SceneFormatException e = assertThrows(SceneFormatException.class, () -> ObjLoader.load(dir.resolve("broken.obj")));

        assertTrue(e.getMessage().startsWith("broken.obj: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void anMtllibEscapingTheDirectoryIsRefused() throws IOException {
        write("secret.mtl", "newmtl secret\nKd 1 0 0\n");
        Files.createDirectories(dir.resolve("scene"));
        write("scene/box.obj", "mtllib ../secret.mtl\n" + TRIANGLE + "usemtl secret\nf 1 2 3\n");

        String message = refused("scene/box.obj");

        assertTrue(message.startsWith("box.obj: line 1: mtllib refers to '../secret.mtl', outside the scene's directory"), message);
    }

    @Test
    void aTextureEscapingTheRootIsRefusedEvenFromAnMtlInASubdirectory() throws IOException {
        Files.createDirectories(dir.resolve("scene/mtl"));
        writePng("outside.png", 1, 1, 0xffffffff);
        write("scene/box.obj", "mtllib mtl/box.mtl\n" + TRIANGLE + "usemtl m\nf 1 2 3\n");
        write("scene/mtl/box.mtl", "newmtl m\nmap_Kd ../../outside.png\n");

        String message = refused("scene/box.obj");

        assertTrue(message.startsWith("box.mtl: line 2: map_Kd of material 'm' refers to '../../outside.png', outside"), message);
    }

    @Test
    void aMissingTextureIsRefusedNamingTheMtlLine() throws IOException {
        write("tex.obj", "mtllib tex.mtl\n" + TRIANGLE + "usemtl m\nf 1 2 3\n");
        write("tex.mtl", "newmtl m\nKd 1 1 1\nmap_Kd -s 2 2 gone.png\n");

        String message = refused("tex.obj");

        assertTrue(message.startsWith("tex.mtl: line 3: map_Kd of material 'm' refers to 'gone.png', which does not exist"),
                message);
    }

    @Test
    void corruptTextureBytesAreRefused() throws IOException {
        write("tex.obj", "mtllib tex.mtl\n" + TRIANGLE + "usemtl m\nf 1 2 3\n");
        write("tex.mtl", "newmtl m\nmap_Kd bad.png\n");
        byte[] png = Files.readAllBytes(writePng("good.png", 4, 4, 0xff00ff00));
        Files.write(dir.resolve("bad.png"), Arrays.copyOf(png, png.length / 2));

        String message = refused("tex.obj");

        assertTrue(message.startsWith("tex.mtl: line 2: map_Kd of material 'm': texture 'bad.png'"), message);
    }

    @Test
    void malformedMtlStatementsAreRefusedNamingTheMtlFileAndLine() throws IOException {
        write("m.obj", "mtllib m.mtl\n" + TRIANGLE + "f 1 2 3\n");
        for (String[] c : new String[][] {
                {"newmtl a\nKd 1 x 1\n", "m.mtl: line 2: Kd green is 'x', not a number"},
                {"Kd 1 1 1\n", "m.mtl: line 1: 'Kd' before any newmtl"},
                {"newmtl a\nillum 12\n", "m.mtl: line 2: illum 12 is outside"},
                {"newmtl a\nmap_Kd -bm\n", "m.mtl: line 2: map_Kd -bm is missing"},
                {"newmtl a\nmap_Kd -zz 1 a.png\n", "m.mtl: line 2: map_Kd has the unknown option '-zz'"},
                {"newmtl a\nmap_Kd -clamp on\n", "m.mtl: line 2: map_Kd without a file name"},
                {"newmtl a\nKs spectral refl.rfl\n", "m.mtl: line 2: 'Ks spectral' is not supported"}}) {
            write("m.mtl", c[0]);
            String message = refused("m.obj");
            assertTrue(message.startsWith(c[1]), message);
        }
    }

    @Test
    void binaryGarbageIsRefused() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        Files.write(dir.resolve("garbage.obj"), garbage);

        String message = refused("garbage.obj");

        assertTrue(message.startsWith("garbage.obj: line "), message);
        assertTrue(message.contains("NUL character"), message);
    }

    @Test
    void anExtremelyLongLineIsRefusedWithoutReadingItWhole() throws IOException {
        byte[] line = new byte[LineReader.MAX_LINE_CHARS * 3];
        Arrays.fill(line, (byte) '1');
        line[0] = 'v';
        line[1] = ' ';
        Files.write(dir.resolve("long.obj"), line);

        String message = refused("long.obj");

        assertTrue(message.startsWith("long.obj: line 1 is longer than " + LineReader.MAX_LINE_CHARS + " characters"),
                message);
    }

    @Test
    void aFileThatWouldNeedMoreMemoryThanItsBudgetIsRefused() throws IOException {
        // 4 positions x 300 uvs x 300 normals: a small file can name 360,000 distinct vertices.
        StringBuilder s = new StringBuilder("v 0 0 0\nv 1 0 0\nv 0 1 0\nv 1 1 0\n");
        for (int i = 0; i < 300; i++) {
            s.append("vt ").append(i).append(" 0\nvn 0 0 ").append(i + 1).append('\n');
        }
        for (int t = 1; t <= 300; t++) {
            for (int n = 1; n <= 300; n++) {
                s.append("f 1/").append(t).append('/').append(n).append(" 2/").append(t).append('/').append(n)
                        .append(" 3/").append(t).append('/').append(n).append('\n');
            }
        }
        write("many.obj", s.toString());
        Path obj = dir.resolve("many.obj");

        String message = assertThrows(SceneFormatException.class,
                () -> ObjLoader.load(obj, ReferencedFiles.beside(obj), 8L << 20)).getMessage();

        assertTrue(message.startsWith("many.obj: line "), message);
        assertTrue(message.contains("MiB to load, more than the 8 MiB a scene may use"), message);
        assertEquals(90_000, ObjLoader.load(obj).meshes().get(0).triangleCount(), "the default budget is larger");
    }

    @Test
    void aMissingObjFileIsRefused() {
        String message = refused("nothing.obj");

        assertTrue(message.startsWith("nothing.obj: does not exist"), message);
    }

    @Test
    void unusedMaterialsAreNotConvertedSoTheirMissingTexturesDoNotMatter() throws IOException {
        write("cube.obj", CUBE.replace("usemtl wood", "usemtl red"));
        write("cube.mtl", CUBE_MTL);

        Scene scene = ObjLoader.load(dir.resolve("cube.obj"));

        assertEquals(1, scene.materials().size());
        assertTrue(scene.textures().isEmpty());
        assertNotEquals(0, scene.meshes().get(0).triangleCount());
    }

    private String refused(String obj) {
        return assertThrows(SceneFormatException.class, () -> ObjLoader.load(dir.resolve(obj))).getMessage();
    }

    private static Vector3f faceNormal(Mesh mesh, int t) {
        float[] p = mesh.positions();
        int[] i = mesh.indices();
        Vector3f a = new Vector3f(p[3 * i[3 * t]], p[3 * i[3 * t] + 1], p[3 * i[3 * t] + 2]);
        Vector3f b = new Vector3f(p[3 * i[3 * t + 1]], p[3 * i[3 * t + 1] + 1], p[3 * i[3 * t + 1] + 2]);
        Vector3f c = new Vector3f(p[3 * i[3 * t + 2]], p[3 * i[3 * t + 2] + 1], p[3 * i[3 * t + 2] + 2]);
        return b.sub(a).cross(c.sub(a, new Vector3f())).normalize();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Writes a PNG whose texels, row by row, are the given ARGB values. */
    private Path writePng(String name, int w, int h, int... argb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < w * h; i++) {
            img.setRGB(i % w, i / w, argb[Math.min(i, argb.length - 1)]);
        }
        Path file = dir.resolve(name);
        try {
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
