package io.photonfarm.node.work;

import io.photonfarm.scene.upload.AssetTar;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Uploaded scene files on local disk, as {@code <dir>/<hash>/<file name>}, fetched once each.
 * A file is only kept if the SHA-256 of its bytes is the hash it was asked for, so a corrupt or
 * wrong download never renders. A multi-file asset arrives as its canonical archive
 * ({@value #ARCHIVE}, see {@link AssetTar}): it is kept as fetched and unpacked beside it into
 * {@code files/}, whose first entry is the scene file.
 */
public final class SceneFiles {
    /** The name a multi-file asset travels under. */
    public static final String ARCHIVE = "asset.tar";
    /** The most bytes an asset archive is unpacked to. */
    static final long MAX_UNPACKED = 1L << 32;

    /**
     * A scene on local disk.
     *
     * @param file the scene file
     * @param root the folder its references may not leave (the unpacked asset, or the file's folder)
     */
    public record Local(Path file, Path root) {
    }

    /** Fetches a scene file from the coordinator (retrying while it is away). */
    @FunctionalInterface
    public interface Fetcher {
        SceneFile fetch(String sceneHash) throws InterruptedException;
    }

    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,199}");

    private final Path dir;
    private final Fetcher fetcher;

    /** Scenes checked against their hash since this process started. */
    private final java.util.Map<String, Local> verified = new java.util.concurrent.ConcurrentHashMap<>();

    public SceneFiles(Path dir, Fetcher fetcher) {
        this.dir = dir;
        this.fetcher = fetcher;
    }

    /**
     * The local file of scene {@code hash}, fetched now unless an earlier fetch kept it.
     *
     * @throws IllegalArgumentException if the hash is not hex SHA-256, the file name is unsafe, or the bytes do not match
     */
    public Path file(String hash) throws InterruptedException {
        return local(hash).file();
    }

    /**
     * The local scene of {@code hash}, fetched (and for an archive unpacked) now unless an earlier fetch kept it.
     *
     * @throws IllegalArgumentException if the hash is not hex SHA-256, the file name is unsafe, or the bytes do not match
     */
    public Local local(String hash) throws InterruptedException {
        if (!HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("scene hash '" + hash + "' is not a hex SHA-256");
        }
        String key = hash.toLowerCase(Locale.ROOT);
        Local known = verified.get(key);
        if (known != null && Files.isRegularFile(known.file())) {
            return known; // hashed once in this process: assets are up to 256 MiB, not worth reading per frame
        }
        Path folder = dir.resolve(key);
        try {
            Path kept = kept(folder, key);
            if (kept != null) {
                return remember(key, opened(kept));
            }
            SceneFile f = fetcher.fetch(key);
            if (!FILE_NAME.matcher(f.fileName()).matches() || f.fileName().contains("..")) {
                throw new IllegalArgumentException("scene " + key + ": refusing file name '" + f.fileName()
                        + "' (letters, digits, '.', '_', '-', ' ' only)");
            }
            String actual = sha256(f.bytes());
            if (!actual.equals(key)) {
                throw new IllegalArgumentException("scene " + key + ": the " + f.bytes().length
                        + " bytes fetched hash to " + actual + "; refusing to render them");
            }
            return remember(key, opened(store(folder, f)));
        } catch (IOException e) {
            throw new UncheckedIOException("keeping scene " + key + " in " + dir.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private Local remember(String key, Local local) {
        verified.put(key, local);
        return local;
    }

    /** A kept file as a scene: itself, or for an asset archive its first entry, unpacking it if needed. */
    private static Local opened(Path kept) throws IOException {
        Path folder = kept.getParent();
        if (!kept.getFileName().toString().equals(ARCHIVE)) {
            return new Local(kept, folder);
        }
        Path files = folder.resolve("files");
        if (!Files.isDirectory(files)) {
            Path tmp = Files.createTempDirectory(folder, ".unpack-");
            try (InputStream in = new BufferedInputStream(Files.newInputStream(kept))) {
                AssetTar.unpack(in, tmp, MAX_UNPACKED);
                Files.move(tmp, files, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Unpacked meanwhile by someone else: theirs is as good.
            } finally {
                deleteTree(tmp);
            }
        }
        String first;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(kept))) {
            first = AssetTar.firstPath(in);
        }
        return new Local(files.resolve(first), files);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The file an earlier fetch kept, if it is still intact. */
    private static Path kept(Path folder, String hash) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, p -> !p.getFileName().toString().startsWith("."))) {
            for (Path p : files) {
                if (Files.isRegularFile(p) && sha256(Files.readAllBytes(p)).equals(hash)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Writes beside the target and moves into place, so a crash never leaves a half file under the real name. */
    private static Path store(Path folder, SceneFile f) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(f.fileName());
        Path tmp = Files.createTempFile(folder, ".fetch-", ".part");
        try {
            Files.write(tmp, f.bytes());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
