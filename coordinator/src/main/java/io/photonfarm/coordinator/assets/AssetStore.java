package io.photonfarm.coordinator.assets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.asset.AssetView;
import io.photonfarm.image.AtomicWrites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Assets on disk, content-addressed: {@code <root>/<first two hex digits>/<hash>/} holds
 * {@code asset.json} (the {@link AssetView}), {@code files/} (the asset's files) and, for
 * multi-file assets, {@code asset.tar} (their canonical archive, what the hash is of). A folder
 * appears whole: it is assembled under {@code <root>/.incoming/} and renamed into place, and
 * {@code asset.json} is replaced by an atomic rename when metadata changes. Nothing is cached in
 * memory, so coordinators that share the data directory see each other's assets.
 */
final class AssetStore {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    static final String RECORD = "asset.json";

    private final Path root;
    private final Path incoming;
    private final ObjectMapper json;

    AssetStore(Path root, ObjectMapper json) {
        this.root = root;
        this.incoming = root.resolve(".incoming");
        this.json = json;
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("creating the asset store " + root + ": " + e.getMessage(), e);
        }
    }

    /** A fresh, empty staging directory for one upload; delete it with {@link #discard}. */
    Path stage() throws IOException {
        return Files.createDirectory(incoming.resolve(UUID.randomUUID().toString()));
    }

    /** Removes staging directories a crash left behind (call while no upload runs). */
    void clearStaging() throws IOException {
        try (Stream<Path> left = Files.list(incoming)) {
            for (Path p : left.toList()) {
                discard(p);
            }
        }
    }

    /**
     * Moves a validated asset folder into place, with its record. If the asset is there already
     * (uploaded before, or by a concurrent request) the stored one wins.
     *
     * @return the stored record, and whether this call created it
     */
    Stored put(Path folder, AssetView view) throws IOException {
        Path target = folder(view.hash());
        Optional<AssetView> existing = get(view.hash());
        if (existing.isPresent()) {
            return new Stored(existing.get(), false);
        }
        AtomicWrites.write(folder.resolve(RECORD), json.writeValueAsBytes(view));
        Files.createDirectories(target.getParent());
        try {
            Files.move(folder, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            return new Stored(get(view.hash()).orElseThrow(() -> e), false);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the asset store needs atomic renames within " + root + ": " + e.getMessage(), e);
        }
        AtomicWrites.forceDirectory(target.getParent());
        return new Stored(view, true);
    }

    /** A record as stored, and whether storing it created it. */
    record Stored(AssetView view, boolean created) {
    }

    Optional<AssetView> get(String hash) throws IOException {
        if (!HASH.matcher(hash).matches()) {
            return Optional.empty();
        }
        Path record = folder(hash).resolve(RECORD);
        if (!Files.isRegularFile(record)) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(record.toFile(), AssetView.class));
    }

    /** Replaces an asset's record (metadata edits). */
    void update(AssetView view) throws IOException {
        AtomicWrites.write(folder(view.hash()).resolve(RECORD), json.writeValueAsBytes(view));
    }

    /** Every asset, newest first. */
    List<AssetView> list() throws IOException {
        List<AssetView> all = new ArrayList<>();
        try (Stream<Path> records = Files.find(root, 3, (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(RECORD)
                && !p.startsWith(incoming))) {
            for (Path p : records.toList()) {
                try {
                    all.add(json.readValue(p.toFile(), AssetView.class));
                } catch (IOException e) {
                    // Deleted meanwhile (or half there on a foreign file system): not an asset now.
                }
            }
        }
        all.sort(Comparator.comparingLong(AssetView::created).reversed().thenComparing(AssetView::hash));
        return all;
    }

    /** Removes an asset: renamed out of sight first, so readers see it whole or not at all. */
    boolean delete(String hash) throws IOException {
        if (get(hash).isEmpty()) {
            return false;
        }
        Path gone = incoming.resolve("deleted-" + UUID.randomUUID());
        try {
            Files.move(folder(hash), gone, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        discard(gone);
        return true;
    }

    /** The folder of asset {@code hash} (which must be a lower-case hex SHA-256). */
    Path folder(String hash) {
        if (!HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("asset hash '" + hash + "' is not a lower-case hex SHA-256");
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }

    static void discard(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
