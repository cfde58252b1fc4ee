package io.photonfarm.coordinator.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.photonfarm.api.ApiError;
import io.photonfarm.api.asset.AssetKind;
import io.photonfarm.api.asset.AssetView;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.job.JobView;
import io.photonfarm.coordinator.Coordinator;
import io.photonfarm.coordinator.assets.AssetLimits;
import io.photonfarm.coordinator.cluster.ClusterSettings;
import io.photonfarm.coordinator.schedule.SchedulingPolicy;
import io.photonfarm.coordinator.store.Durability;
import io.photonfarm.scene.upload.AssetTar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploading assets over real HTTP: every format, idempotence, metadata, and hostile uploads refused harmlessly. */
class AssetUploadTest {
    /** Small limits, so hostile uploads cross them cheaply. */
    static final AssetLimits LIMITS = new AssetLimits(1 << 20, 100, 20, 1 << 20);

    @TempDir
    static Path dataDir;
    static TestFarm farm;

    @BeforeAll
    static void start() {
        int port = TestFarm.freePort();
        ClusterSettings member = new ClusterSettings("assets-" + UUID.randomUUID(), "127.0.0.1", port,
                List.of("127.0.0.1:" + port), 31, "jdk");
        farm = TestFarm.wrap(Coordinator.start(TestFarm.settings(dataDir, member, 0, Durability.none(), JobLimits.DEFAULT,
                TestFarm.FAST, SchedulingPolicy.DEFAULT).withAssets(LIMITS)));
    }

    @AfterAll
    static void stop() {
        if (farm != null) {
            farm.close();
        }
    }

    static TestFarm.Reply upload(String name, byte[] body) {
        return farm.send("POST", "/api/v1/assets?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                TestFarm.CLIENT_TOKEN, "application/octet-stream", body);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anObjCubeIsStoredUnderTheHashOfItsBytesAndCanBeReadBack() throws Exception {
        byte[] cube = (new String(AssetFiles.cubeObj(), StandardCharsets.US_ASCII) + "# read back\n").getBytes(StandardCharsets.US_ASCII);
        TestFarm.Reply r = upload("cube.obj", cube);
        assertEquals(201, r.status(), r.text());
        AssetView a = r.as(AssetView.class);
        assertEquals(sha256(cube), a.hash());
        assertEquals("cube.obj", a.name());
        assertEquals(AssetKind.MESH, a.kind());
        assertEquals("obj", a.format());
        assertEquals(12, a.triangles());
        assertEquals(cube.length, a.bytes());
        assertEquals(io.photonfarm.api.asset.AssetMetadata.NONE, a.metadata());
        assertEquals("asset:" + a.hash(), a.sceneRef());
        assertEquals(a, farm.client("GET", "/api/v1/assets/" + a.hash()).as(AssetView.class));
        JsonNode json = farm.json.readTree(r.body());
        assertTrue(json.has("metadata") && json.path("metadata").has("class"), "metadata names its class field 'class': " + json);
    }

    @Test
    void theSameContentUploadedAgainAnswers200WithTheSameAsset() {
        AssetView first = upload("again.glb", AssetFiles.triangleGlb()).as(AssetView.class);
        TestFarm.Reply second = upload("renamed.glb", AssetFiles.triangleGlb());
        assertEquals(200, second.status(), second.text());
        assertEquals(first, second.as(AssetView.class), "the stored asset, name and time of the first upload included");
        assertEquals(1, farm.client("GET", "/api/v1/assets").as(AssetView[].class).length
                - otherHashes(first.hash()), "listed once");
    }

    private static long otherHashes(String hash) {
        return Stream.of(farm.client("GET", "/api/v1/assets").as(AssetView[].class)).filter(a -> !a.hash().equals(hash)).count();
    }

    @Test
    void aGlbIsAMeshOfOneTriangle() {
        TestFarm.Reply r = upload("triangle.glb", AssetFiles.triangleGlb());
        assertTrue(r.status() == 201 || r.status() == 200, r.text());
        AssetView a = r.as(AssetView.class);
        assertEquals("glb", a.format());
        assertEquals(1, a.triangles());
    }

    @Test
    void aTexturedGltfInAZipIsStoredAsTheCanonicalTarOfItsFilesWhateverTheArchiveFormat() throws Exception {
        Map<String, byte[]> files = AssetFiles.texturedGltfFiles();
        TestFarm.Reply zipped = upload("textured.zip", AssetFiles.zip(files));
        assertEquals(201, zipped.status(), zipped.text());
        AssetView a = zipped.as(AssetView.class);
        assertEquals("zip", a.format());
        assertEquals("tri.gltf", a.file());
        assertEquals(1, a.triangles());

        TestFarm.Reply content = farm.send("GET", "/api/v1/scenes/" + a.hash(), TestFarm.NODE_TOKEN, null, null);
        assertEquals(200, content.status(), content.text());
        assertEquals(a.hash(), sha256(content.body()), "what nodes fetch hashes to the asset's hash");
        Path unpacked = Files.createTempDirectory(dataDir.getParent(), "unpacked-");
        List<String> paths = AssetTar.unpack(new ByteArrayInputStream(content.body()), unpacked, 1 << 20);
        assertEquals(List.of("tri.gltf", "textures/checker.png", "tri.bin"), paths, "the scene file first, the rest by path");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(unpacked.resolve(f.getKey())), f.getKey());
        }

        AssetFiles.TarItem[] items = files.entrySet().stream().map(f -> AssetFiles.TarItem.file(f.getKey(), f.getValue()))
                .toArray(AssetFiles.TarItem[]::new);
        TestFarm.Reply tgz = upload("textured.tar.gz", AssetFiles.tar(true, items));
        assertEquals(200, tgz.status(), "the same files in a tar.gz are the same asset: " + tgz.text());
        assertEquals(a.hash(), tgz.as(AssetView.class).hash());
    }

    @Test
    void aRadianceHdrIsAnEnvironmentAssetThatNoJobCanRenderAsAScene() {
        TestFarm.Reply r = upload("sky.hdr", AssetFiles.hdr());
        assertEquals(201, r.status(), r.text());
        AssetView a = r.as(AssetView.class);
        assertEquals(AssetKind.ENVIRONMENT, a.kind());
        assertEquals("hdr", a.format());
        assertEquals(0, a.triangles());
        TestFarm.Reply job = farm.client("POST", "/api/v1/jobs", "{\"sceneRef\": \"asset:" + a.hash() + "\", \"frames\": 1}");
        assertEquals(400, job.status(), job.text());
        assertEquals("sceneRef", job.error().violations().get(0).field());
        assertTrue(job.error().violations().get(0).limit().contains("environment map"), job.text());
    }

    @Test
    void aJobNamingAnUploadedMeshIsPlannedAndTheScenesListOffersIt() {
        AssetView cube = upload("cube.obj", AssetFiles.cubeObj()).as(AssetView.class);
        JsonNode scenes = readTree(farm.client("GET", "/api/v1/scenes"));
        boolean builtin = false;
        boolean uploaded = false;
        for (JsonNode s : scenes) {
            builtin |= s.path("sceneRef").asText().equals("builtin:cornell-box") && s.path("kind").asText().equals("builtin");
            uploaded |= s.path("sceneRef").asText().equals("asset:" + cube.hash()) && s.path("kind").asText().equals("upload")
                    && s.path("triangles").asLong() == 12 && s.path("name").asText().equals("cube.obj");
        }
        assertTrue(builtin && uploaded, "built-ins and the upload are listed: " + scenes);
        JobView job = farm.submit("{\"sceneRef\": \"asset:" + cube.hash() + "\", \"frames\": 1, \"width\": 16, \"height\": 16}");
        assertEquals("asset:" + cube.hash(), job.spec().sceneRef());

        TestFarm.Reply unknown = farm.client("POST", "/api/v1/jobs", "{\"sceneRef\": \"asset:" + "0".repeat(64) + "\"}");
        assertEquals(400, unknown.status(), unknown.text());
        assertEquals("sceneRef", unknown.error().violations().get(0).field());
    }

    @Test
    void metadataIsReplacedWholeAndInvalidFieldsAreNamed() {
        AssetView cube = upload("cube.obj", AssetFiles.cubeObj()).as(AssetView.class);
        String path = "/api/v1/assets/" + cube.hash() + "/metadata";
        TestFarm.Reply ok = farm.client("PUT", path, """
                {"class": "box", "landmarks": [{"name": "corner", "position": [0.5, 0.5, 0.5]}],
                 "symmetry": [{"axis": [0, 1, 0], "order": 4}]}""");
        assertEquals(200, ok.status(), ok.text());
        AssetView edited = ok.as(AssetView.class);
        assertEquals("box", edited.metadata().objectClass());
        assertEquals(List.of(0.5, 0.5, 0.5), edited.metadata().landmarks().get(0).position());
        assertEquals(edited, farm.client("GET", "/api/v1/assets/" + cube.hash()).as(AssetView.class), "kept");

        TestFarm.Reply bad = farm.client("PUT", path, """
                {"class": "../box", "landmarks": [{"name": "a", "position": [0, 0]}, {"name": "a", "position": [0, 0, 0]}],
                 "symmetry": [{"axis": [0, 0, 0], "order": 1}]}""");
        assertEquals(400, bad.status(), bad.text());
        List<String> fields = bad.error().violations().stream().map(v -> v.field()).toList();
        assertEquals(List.of("class", "landmarks[0].position", "landmarks[1].name", "symmetry[0].axis", "symmetry[0].order"),
                fields, bad.text());
        TestFarm.Reply unknownField = farm.client("PUT", path, "{\"colour\": \"red\"}");
        assertEquals(400, unknownField.status());
        assertTrue(unknownField.error().message().contains("colour") && unknownField.error().message().contains("class"),
                unknownField.text());
        assertEquals(edited, farm.client("GET", "/api/v1/assets/" + cube.hash()).as(AssetView.class), "refused edits change nothing");
        assertEquals(404, farm.client("PUT", "/api/v1/assets/" + "a".repeat(64) + "/metadata", "{}").status());
    }

    @Test
    void anAssetCanBeDeleted() {
        AssetView tri = upload("deleted.obj", "v 0 0 0\nv 1 0 0\nv 0 2 0\nf 1 2 3\n".getBytes(StandardCharsets.US_ASCII))
                .as(AssetView.class);
        assertEquals(204, farm.client("DELETE", "/api/v1/assets/" + tri.hash()).status());
        assertEquals(404, farm.client("GET", "/api/v1/assets/" + tri.hash()).status());
        assertEquals(404, farm.client("DELETE", "/api/v1/assets/" + tri.hash()).status());
    }

    @Test
    void hostileAndBrokenUploadsAreRefusedNamingTheProblemAndTheLimitAndLeaveNothingBehind() throws Exception {
        Map<String, byte[]> gltf = AssetFiles.texturedGltfFiles();
        Map<String, byte[]> slip = new LinkedHashMap<>(gltf);
        slip.put("../../evil", "pwned".getBytes(StandardCharsets.US_ASCII));
        Map<String, byte[]> absolute = new LinkedHashMap<>(gltf);
        absolute.put("/tmp/evil", "pwned".getBytes(StandardCharsets.US_ASCII));
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= LIMITS.maxEntries(); i++) {
            many.put("f" + i + ".txt", new byte[1]);
        }
        Map<String, byte[]> bomb = new LinkedHashMap<>(gltf);
        bomb.put("zeros.bin", new byte[(int) LIMITS.maxUnpackedBytes() + 1]); // deflates to a few kilobytes
        byte[] glb = AssetFiles.triangleGlb();
        byte[] badIndex = new String(AssetFiles.cubeObj(), StandardCharsets.US_ASCII).replace("f 2 3 7 6", "f 2 3 7 9")
                .getBytes(StandardCharsets.US_ASCII);

        record Hostile(String name, byte[] body, int status, String... says) {
        }
        List<Hostile> hostile = List.of(
                new Hostile("slip.zip", AssetFiles.zip(slip), 400, "../../evil", "zip slip"),
                new Hostile("absolute.zip", AssetFiles.zip(absolute), 400, "/tmp/evil", "absolute path"),
                new Hostile("link.tar", AssetFiles.tar(false, AssetFiles.TarItem.file("tri.obj", AssetFiles.cubeObj()),
                        new AssetFiles.TarItem("passwd", null, org.apache.commons.compress.archivers.tar.TarArchiveEntry.LF_SYMLINK,
                                "/etc/passwd")), 400, "passwd", "symbolic link"),
                new Hostile("hard.tar", AssetFiles.tar(false, AssetFiles.TarItem.file("tri.obj", AssetFiles.cubeObj()),
                        new AssetFiles.TarItem("hard", null, org.apache.commons.compress.archivers.tar.TarArchiveEntry.LF_LINK,
                                "tri.obj")), 400, "hard link"),
                new Hostile("declared.tar.gz", AssetFiles.tar(true, AssetFiles.TarItem.file("tri.obj", AssetFiles.cubeObj()),
                        AssetFiles.TarItem.file("zeros.bin", new byte[(int) LIMITS.maxUnpackedBytes() + 1])), 413,
                        "declares 1048577 bytes", "1 MiB", "assets.maxUnpackedBytes"),
                new Hostile("bomb.zip", AssetFiles.zip(bomb), 413, "zeros.bin", "unpacks past the limit of 1 MiB", "assets.maxUnpackedBytes"),
                new Hostile("many.zip", AssetFiles.zip(many), 413, "20", "assets.maxEntries"),
                new Hostile("huge.obj", new byte[(int) LIMITS.maxUploadBytes() + 1], 413, "1048577 bytes exceeds the 1 MiB limit", "assets.maxUploadBytes"),
                new Hostile("truncated.glb", java.util.Arrays.copyOf(glb, glb.length / 2), 400, "truncated.glb"),
                new Hostile("bad.obj", badIndex, 400, "bad.obj", "line 15", "9"),
                new Hostile("big.obj", AssetFiles.manyTrianglesObj(101), 413, "101 triangles", "100", "assets.maxTriangles"),
                new Hostile("notes.txt", "hello".getBytes(StandardCharsets.US_ASCII), 415, "notes.txt", ".glb"),
                new Hostile("fake.glb", AssetFiles.cubeObj(), 415, "fake.glb", "glTF"),
                new Hostile("lonely.gltf", AssetFiles.triangleGltf("tri.bin", null).getBytes(StandardCharsets.UTF_8), 400,
                        "tri.bin"),
                new Hostile("empty.obj", new byte[0], 400, "empty"));

        Map<String, Long> before = filesOutsideAssets();
        List<AssetView> assetsBefore = List.of(farm.client("GET", "/api/v1/assets").as(AssetView[].class));
        for (Hostile h : hostile) {
            TestFarm.Reply r = upload(h.name(), h.body());
            assertEquals(h.status(), r.status(), h.name() + ": " + r.text());
            ApiError e = r.error();
            assertEquals(h.status(), e.status());
            for (String word : h.says()) {
                assertTrue(e.message().contains(word), h.name() + ": the message names '" + word + "': " + e.message());
            }
            assertFalse(e.message().contains(dataDir.toString()), h.name() + ": no server path in " + e.message());
            // The server is unaffected: a valid request right after still succeeds.
            TestFarm.Reply ok = upload("tri.glb", glb);
            assertTrue(ok.status() == 200 || ok.status() == 201, "after " + h.name() + ": " + ok.text());
        }
        assertEquals(before, filesOutsideAssets(), "nothing written outside the asset store");
        try (Stream<Path> left = Files.list(dataDir.resolve("assets").resolve(".incoming"))) {
            assertEquals(List.of(), left.toList(), "no staging left behind");
        }
        // Escaping names climb out of the staging folder: nothing named evil in the data directory, nor
        // above it (the system's temporary folder is shared with other processes, so it is not walked).
        try (Stream<Path> all = Files.walk(dataDir)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().equals("evil")).toList(), "no escaped file");
        }
        for (Path above = dataDir.getParent(); above != null; above = above.getParent()) {
            assertFalse(Files.exists(above.resolve("evil"), java.nio.file.LinkOption.NOFOLLOW_LINKS), "no " + above.resolve("evil"));
        }
        java.util.Set<String> expected = new java.util.TreeSet<>(assetsBefore.stream().map(AssetView::hash).toList());
        expected.add(sha256(glb));
        assertEquals(expected, new java.util.TreeSet<>(Stream.of(farm.client("GET", "/api/v1/assets").as(AssetView[].class))
                .map(AssetView::hash).toList()), "only the valid upload was stored");
    }

    @Test
    void aBodyOverTheUploadLimitIsRefusedWith413BeforeItIsRead() {
        TestFarm.Reply r = upload("big.glb", new byte[4 * (int) LIMITS.maxUploadBytes()]);
        assertEquals(413, r.status(), r.text());
        assertTrue(r.error().message().contains("4 MiB exceeds the 1 MiB limit (assets.maxUploadBytes)"), r.text());
        assertEquals(200, farm.client("GET", "/api/v1/assets").status(), "the server still answers");
    }

    @Test
    void onlyNodesFetchContentAndAnUnknownHashIs404() {
        AssetView cube = upload("cube.obj", AssetFiles.cubeObj()).as(AssetView.class);
        TestFarm.Reply node = farm.send("GET", "/api/v1/scenes/" + cube.hash(), TestFarm.NODE_TOKEN, null, null);
        assertEquals(200, node.status());
        assertArrayEquals(AssetFiles.cubeObj(), node.body());
        assertEquals(403, farm.client("GET", "/api/v1/scenes/" + cube.hash()).status());
        assertEquals(404, farm.send("GET", "/api/v1/scenes/" + "b".repeat(64), TestFarm.NODE_TOKEN, null, null).status());
        assertNotEquals(0, cube.created());
    }

    private static JsonNode readTree(TestFarm.Reply r) {
        try {
            return farm.json.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(r.text(), e);
        }
    }

    private static Map<String, Long> filesOutsideAssets() throws IOException {
        Map<String, Long> files = new TreeMap<>();
        Path assets = dataDir.resolve("assets");
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path p : all.filter(Files::isRegularFile).filter(p -> !p.startsWith(assets)).toList()) {
                files.put(dataDir.relativize(p).toString(), Files.size(p));
            }
        }
        return files;
    }
}
