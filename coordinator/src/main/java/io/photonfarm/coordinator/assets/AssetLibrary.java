package io.photonfarm.coordinator.assets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.asset.AssetKind;
import io.photonfarm.api.asset.AssetMetadata;
import io.photonfarm.api.asset.AssetView;
import io.photonfarm.api.job.JobSpecException.Violation;
import io.photonfarm.scene.Landmark;
import io.photonfarm.scene.Landmarks;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.io.ReferencedFiles;
import io.photonfarm.scene.io.SceneFormatException;
import io.photonfarm.scene.io.SceneLoader;
import io.photonfarm.scene.upload.AssetObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.joml.Vector3f;

/**
 * Uploaded assets: taking uploads ({@link AssetIntake}), keeping them ({@link AssetStore}), editing
 * their metadata, and handing them to nodes (their canonical content) and to labelling (the scene,
 * with the metadata's class and landmarks). At most {@link #CONCURRENT_INTAKES} uploads are
 * validated at once, so a burst of large uploads cannot take all of the coordinator's memory.
 */
public final class AssetLibrary {
    private static final System.Logger LOG = System.getLogger(AssetLibrary.class.getName());
    static final int CONCURRENT_INTAKES = 2;

    private final AssetStore store;
    private final AssetIntake intake;
    private final InstantSource clock;
    private final Semaphore intakes = new Semaphore(CONCURRENT_INTAKES, true);
    /** The last few loaded object scenes by hash (loading parses the files and merges the meshes). */
    private final Map<String, Scene> objects = Collections.synchronizedMap(lru(2));
    /** The last few labelled scenes by hash and metadata, so an unchanged asset is the same Scene object. */
    private final Map<String, Labelled> labelled = Collections.synchronizedMap(lru(4));

    private record Labelled(AssetMetadata metadata, Scene scene) {
    }

    /** What a node fetches: the canonical content of an asset and the file name it travels under. */
    public record Content(String fileName, Path file) {
    }

    /** An upload's outcome: the asset, and whether this upload created it (false: it was there). */
    public record Upload(AssetView asset, boolean created) {
    }

    /** @param root where assets are stored ({@code <data>/assets}) */
    public AssetLibrary(Path root, AssetLimits limits, ObjectMapper json, InstantSource clock) {
        this.store = new AssetStore(root, json);
        this.intake = new AssetIntake(limits);
        this.clock = clock;
        try {
            store.clearStaging();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "clearing unfinished uploads: " + e.getMessage());
        }
    }

    /**
     * Validates and stores an upload; the same content again answers the stored asset.
     *
     * @param declaredBytes the request's Content-Length, or -1
     * @throws AssetException naming the problem and the limit
     */
    public Upload upload(String name, InputStream body, long declaredBytes) throws IOException, InterruptedException {
        intakes.acquire();
        Path staging = null;
        try {
            staging = store.stage();
            AssetIntake.Staged staged = intake.take(body, declaredBytes, name, staging, clock.millis());
            AssetStore.Stored stored = store.put(staged.folder(), staged.view());
            if (stored.created()) {
                LOG.log(System.Logger.Level.INFO, "asset {0}: stored ''{1}'' ({2}, {3} bytes, {4} triangles)",
                        stored.view().hash(), stored.view().name(), stored.view().format(), stored.view().bytes(),
                        stored.view().triangles());
            }
            return new Upload(stored.view(), stored.created());
        } finally {
            intakes.release();
            if (staging != null) {
                AssetStore.discard(staging);
            }
        }
    }

    public List<AssetView> list() {
        try {
            return store.list();
        } catch (IOException e) {
            throw new UncheckedIOException("listing assets: " + e.getMessage(), e);
        }
    }

    /** @throws AssetException 404 if there is no such asset */
    public AssetView get(String hash) {
        try {
            return store.get(hash).orElseThrow(() -> AssetException.notFound(hash));
        } catch (IOException e) {
            throw new UncheckedIOException("reading asset " + hash + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces an asset's metadata.
     *
     * @throws AssetException 400 naming every field at fault, 404 if there is no such asset
     */
    public AssetView updateMetadata(String hash, AssetMetadata metadata) {
        List<Violation> violations = MetadataRules.check(metadata);
        if (!violations.isEmpty()) {
            throw AssetException.invalid("asset metadata: " + violations.stream().map(Violation::toString)
                    .collect(Collectors.joining("; ")), violations);
        }
        AssetView updated = get(hash).withMetadata(metadata);
        try {
            store.update(updated);
        } catch (IOException e) {
            throw new UncheckedIOException("writing asset " + hash + ": " + e.getMessage(), e);
        }
        return updated;
    }

    /** @return whether there was such an asset */
    public boolean delete(String hash) {
        try {
            objects.remove(hash);
            return store.delete(hash);
        } catch (IOException e) {
            throw new UncheckedIOException("deleting asset " + hash + ": " + e.getMessage(), e);
        }
    }

    /** @throws AssetException 404 if there is no such asset */
    public Content content(String hash) {
        AssetView view = get(hash);
        Path folder = store.folder(hash);
        Path archive = folder.resolve(AssetIntake.ARCHIVE);
        if (Files.isRegularFile(archive)) {
            return new Content(AssetIntake.ARCHIVE, archive);
        }
        return new Content(view.file(), folder.resolve(AssetIntake.FILES).resolve(view.file()));
    }

    /**
     * The photos of the photos asset {@code ref} ({@code asset:HASH}), sorted by path within the asset.
     *
     * @throws AssetException 404 if there is no such asset, 400 if the reference is malformed or not a photo set
     */
    public List<Path> photos(String ref) throws IOException {
        AssetView view = get(hashOf(ref));
        if (view.kind() != AssetKind.PHOTOS) {
            throw AssetException.invalid("asset " + ref + " is a " + view.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " asset, not a photo set (upload .png, .jpg or an archive of them)");
        }
        return PhotoSet.photos(store.folder(view.hash()).resolve(AssetIntake.FILES));
    }

    /**
     * The folder holding the photos of the photos asset {@code ref} ({@code asset:HASH}) in any
     * sub-folders, or empty when {@code ref} names no photos asset (malformed, unknown or another kind).
     */
    public Optional<Path> photoFolder(String ref) {
        if (ref == null || !ref.startsWith(AssetView.SCENE_PREFIX)) {
            return Optional.empty();
        }
        AssetView view;
        try {
            view = get(ref.substring(AssetView.SCENE_PREFIX.length()));
        } catch (AssetException e) {
            return Optional.empty();
        }
        return view.kind() == AssetKind.PHOTOS ? Optional.of(store.folder(view.hash()).resolve(AssetIntake.FILES))
                : Optional.empty();
    }

    /**
     * The model file of the ONNX asset {@code ref} ({@code asset:HASH}).
     *
     * @throws AssetException 404 if there is no such asset, 400 if the reference is malformed or not a model
     */
    public Path model(String ref) {
        AssetView view = get(hashOf(ref));
        if (view.kind() != AssetKind.MODEL) {
            throw AssetException.invalid("asset " + ref + " is a " + view.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " asset, not an ONNX model");
        }
        return store.folder(view.hash()).resolve(AssetIntake.FILES).resolve(view.file());
    }

    private static String hashOf(String ref) {
        if (ref == null || !ref.startsWith(AssetView.SCENE_PREFIX)) {
            throw AssetException.invalid("asset reference '" + ref + "': expected " + AssetView.SCENE_PREFIX + "<sha256>");
        }
        return ref.substring(AssetView.SCENE_PREFIX.length());
    }

    /**
     * The mesh asset {@code hash} as one object (see {@link AssetObject}), labelled with its
     * metadata's class, landmarks and symmetries. Metadata edits apply to the frames labelled after them.
     *
     * @throws AssetException 404 if there is no such asset, 400 if it is not a mesh
     */
    public Scene scene(String hash) {
        AssetView view = get(hash);
        if (view.kind() != AssetKind.MESH) {
            throw AssetException.invalid("asset " + hash + " is a " + view.kind().name().toLowerCase(java.util.Locale.ROOT) + " asset, not a mesh");
        }
        Labelled hit = labelled.get(hash);
        if (hit != null && hit.metadata().equals(view.metadata())) {
            return hit.scene();
        }
        Scene scene = AssetObject.labelled(object(view), view.metadata().objectClass(), landmarks(view.metadata()),
                AssetSymmetries.of(view.metadata().symmetry()));
        labelled.put(hash, new Labelled(view.metadata(), scene));
        return scene;
    }

    /** The unlabelled object scene, as nodes build it. */
    Scene object(AssetView view) {
        Scene hit = objects.get(view.hash());
        if (hit != null) {
            return hit;
        }
        Path files = store.folder(view.hash()).resolve(AssetIntake.FILES).toAbsolutePath().normalize();
        Path file = files.resolve(view.file());
        try {
            Scene scene = AssetObject.of(SceneLoader.load(file, new ReferencedFiles(files, file)), file.getFileName().toString());
            objects.put(view.hash(), scene);
            return scene;
        } catch (SceneFormatException e) {
            throw new UncheckedIOException("asset " + view.hash() + " no longer loads: " + e.getMessage(), e);
        }
    }

    private static Landmarks landmarks(AssetMetadata m) {
        return Landmarks.of(m.landmarks().stream().map(l -> new Landmark(l.name(), new Vector3f(
                l.position().get(0).floatValue(), l.position().get(1).floatValue(), l.position().get(2).floatValue()))).toList());
    }

    private static <K, V> LinkedHashMap<K, V> lru(int capacity) {
        return new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
