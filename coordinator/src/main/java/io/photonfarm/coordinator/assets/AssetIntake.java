package io.photonfarm.coordinator.assets;

import io.photonfarm.api.asset.AssetKind;
import io.photonfarm.api.asset.AssetMetadata;
import io.photonfarm.api.asset.AssetView;
import io.photonfarm.image.Images;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.io.ReferencedFiles;
import io.photonfarm.scene.io.SceneFormatException;
import io.photonfarm.scene.io.SceneLoader;
import io.photonfarm.scene.upload.AssetTar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns one upload into a validated asset folder in a staging directory: the body streamed to disk
 * under {@link AssetLimits#maxUploadBytes()}, its type detected, archives unpacked safely and
 * re-packed in canonical form ({@link AssetTar}), the content hashed, and the scene or image loaded
 * exactly as labelling and nodes will load it, so a broken file is refused now with the loader's
 * reason rather than failing on every node later. The caller owns the staging directory.
 */
final class AssetIntake {
    /** The canonical archive of a multi-file asset, beside its unpacked files. */
    static final String ARCHIVE = "asset.tar";
    static final String FILES = "files";
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._ -]");

    private final AssetLimits limits;
    private final ArchiveUnpacker unpacker;

    /** A validated asset: its folder (files/, maybe asset.tar) and its record, not yet stored. */
    record Staged(Path folder, AssetView view) {
    }

    AssetIntake(AssetLimits limits) {
        this.limits = limits;
        this.unpacker = new ArchiveUnpacker(limits);
    }

    /**
     * @param body          the request body
     * @param declaredBytes the request's Content-Length, or -1
     * @param name          the upload's file name as the client gave it
     * @param staging       an empty directory this upload may fill
     * @param created       epoch milliseconds recorded as the upload time
     * @throws AssetException naming the problem and the limit
     */
    Staged take(InputStream body, long declaredBytes, String name, Path staging, long created) throws IOException {
        String base = baseName(name);
        if (declaredBytes > limits.maxUploadBytes()) {
            throw overUpload(declaredBytes);
        }
        Path upload = staging.resolve("upload");
        String uploadHash = copy(body, upload);
        if (Files.size(upload) == 0) {
            throw AssetException.invalid("upload '" + base + "': the request body is empty; send the file's bytes");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(upload)) {
            head = in.readNBytes(512);
        }
        UploadFormat format = UploadFormat.detect(base, head);
        Path folder = staging.resolve("asset");
        Path files = folder.resolve(FILES);
        Files.createDirectories(files);
        String main;
        String hash;
        long bytes;
        AssetKind kind = format.kind;
        if (format.archive) {
            List<String> paths = unpacker.unpack(upload, base, format, files);
            if (PhotoSet.isPhotoArchive(paths)) {
                kind = AssetKind.PHOTOS;
            }
            main = kind == AssetKind.PHOTOS ? PhotoSet.first(paths) : sceneFile(paths, base);
            List<AssetTar.Entry> entries = new ArrayList<>();
            entries.add(new AssetTar.Entry(main, files.resolve(main)));
            paths.stream().filter(p -> !p.equals(main)).sorted().forEach(p -> entries.add(new AssetTar.Entry(p, files.resolve(p))));
            Path archive = folder.resolve(ARCHIVE);
            MessageDigest sha = sha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(archive), sha)) {
                AssetTar.write(entries, out);
            }
            hash = HexFormat.of().formatHex(sha.digest());
            bytes = Files.size(archive);
            Files.delete(upload);
        } else {
            main = safeName(base);
            Files.move(upload, files.resolve(main));
            hash = uploadHash;
            bytes = Files.size(files.resolve(main));
        }
        long triangles = switch (kind) {
            case MESH -> checkMesh(files, main);
            case ENVIRONMENT -> checkEnvironment(files, main);
            case PHOTOS -> {
                PhotoSet.check(files);
                yield 0;
            }
            case MODEL -> {
                ModelCheck.check(files.resolve(main), main);
                yield 0;
            }
        };
        String sceneRef = kind == AssetKind.MESH ? AssetView.SCENE_PREFIX + hash : null;
        return new Staged(folder, new AssetView(hash, base, kind, format.label, main, bytes, triangles, sceneRef,
                AssetMetadata.NONE, created));
    }

    /** Loads the mesh as labelling and nodes will; returns its triangle count. */
    private long checkMesh(Path files, String main) {
        Path file = files.resolve(main).toAbsolutePath().normalize();
        Scene scene;
        try {
            scene = SceneLoader.load(file, new ReferencedFiles(files, file));
        } catch (SceneFormatException e) {
            throw AssetException.invalid(relative(e.getMessage(), files));
        } catch (RuntimeException e) {
            throw AssetException.invalid(main + ": " + relative(String.valueOf(e.getMessage()), files));
        }
        long triangles = scene.instancedTriangleCount();
        if (triangles == 0) {
            throw AssetException.invalid(main + ": no triangles: nothing to render");
        }
        if (triangles > limits.maxTriangles()) {
            throw AssetException.tooLarge(main + ": " + triangles + " triangles exceed the limit of " + limits.maxTriangles()
                    + " (assets.maxTriangles)");
        }
        return triangles;
    }

    private static long checkEnvironment(Path files, String main) {
        try {
            Images.readEnvironment(files.resolve(main).toAbsolutePath().normalize());
            return 0;
        } catch (IOException | RuntimeException e) {
            throw AssetException.invalid(relative(main + ": " + e.getMessage(), files).replace(main + ": " + main + ": ",
                    main + ": "));
        }
    }

    /** The one scene file of an archive. */
    private static String sceneFile(List<String> paths, String name) {
        List<String> scenes = paths.stream().filter(p -> {
            String l = p.toLowerCase(Locale.ROOT);
            return l.endsWith(".gltf") || l.endsWith(".glb") || l.endsWith(".obj");
        }).toList();
        if (scenes.size() != 1) {
            throw AssetException.invalid("upload '" + name + "': the archive holds " + scenes.size() + " scene files"
                    + (scenes.isEmpty() ? "" : " (" + String.join(", ", scenes) + ")")
                    + "; it must hold exactly one .gltf, .glb or .obj, with the files it refers to");
        }
        return scenes.get(0);
    }

    /** Streams the body to {@code target}, refusing it past the upload limit; returns its SHA-256. */
    private String copy(InputStream body, Path target) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = body.read(buffer)) > 0;) {
                total += n;
                if (total > limits.maxUploadBytes()) {
                    throw overUpload(-1);
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private AssetException overUpload(long declared) {
        String limit = AssetLimits.size(limits.maxUploadBytes());
        String size = declared < 0 ? "the body" : AssetLimits.size(declared).equals(limit) ? declared + " bytes"
                : AssetLimits.size(declared);
        return AssetException.tooLarge("upload: " + size + " exceeds the " + limit + " limit (assets.maxUploadBytes)");
    }

    /** The last segment of the client's name (browsers send a bare name; scripts may send a path). */
    private static String baseName(String name) {
        if (name == null || name.isBlank()) {
            throw AssetException.invalid("query parameter name is missing: give the file's name, e.g. ?name=model.glb");
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (base.isEmpty() || base.length() > 255 || base.chars().anyMatch(Character::isISOControl)) {
            throw AssetException.invalid("query parameter name = '" + name + "': a file name of 1..255 characters");
        }
        return base;
    }

    /** A file name nodes accept: letters, digits, '.', '_', '-' and spaces, starting with a letter or digit. */
    private static String safeName(String base) {
        String s = UNSAFE.matcher(base).replaceAll("_");
        while (s.contains("..")) {
            s = s.replace("..", "_.");
        }
        s = Character.isLetterOrDigit(s.charAt(0)) ? s : "a" + s;
        // At most 200 characters, as nodes accept, keeping the end (the extension) and a safe first character.
        return s.length() <= 200 ? s : "a" + s.substring(s.length() - 199);
    }

    /** A loader's message without the staging directory's absolute path, which means nothing to a client. */
    private static String relative(String message, Path files) {
        String root = files.toAbsolutePath().normalize().toString();
        return message.replaceAll(" \\(" + Pattern.quote(root) + "[^()]*\\)", "").replace(root + "/", "");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
