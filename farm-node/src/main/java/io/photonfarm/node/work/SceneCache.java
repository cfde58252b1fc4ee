package io.photonfarm.node.work;

import io.photonfarm.api.work.FrameSpec;
import io.photonfarm.node.render.GpuScene;
import io.photonfarm.node.render.RenderBackend;
import io.photonfarm.node.render.SceneUpload;
import io.photonfarm.recipe.BuiltinRecipes;
import io.photonfarm.recipe.RecipeJson;
import io.photonfarm.recipe.draw.EnvironmentMaps;
import io.photonfarm.recipe.draw.PhotoTextures;
import io.photonfarm.recipe.draw.RecipeSampler;
import io.photonfarm.recipe.draw.TextureImages;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import io.photonfarm.scene.io.ReferencedFiles;
import io.photonfarm.scene.procedural.ProceduralAssets;
import io.photonfarm.scene.io.SceneFormatException;
import io.photonfarm.scene.io.SceneLoader;
import io.photonfarm.scene.upload.AssetObject;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;

/**
 * The scenes loaded on the device, by {@link FrameSpec#sceneHash()}: a scene is built, packed (BVH
 * included) and uploaded once per node, then reused by every unit of every frame that names it.
 * The camera is not part of the scene (it comes per frame in the settings). Scenes are rendered
 * exactly as they are described: no environment light is added to a scene that defines none.
 * Recipe frames ({@code recipe:...}) are drawn here from the recipe the frame spec carries, by
 * (recipe, seed, frame), exactly as the coordinator draws them for labelling; each frame has its own
 * hash, except that the frames of a sequence share one when only the camera moves (their scene is the same).
 * The sampler of the last recipe is kept, so a recipe is parsed and validated once, not per frame.
 * At most {@code capacity} scenes stay loaded; the least recently used is closed first.
 * Not thread-safe: the work loop's thread uses it. Close it before the backend.
 */
public final class SceneCache implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SceneCache.class.getName());
    private static final String UPLOADED = "scene:";
    /** An uploaded mesh asset: one object, built as the coordinator builds it for labels ({@link AssetObject}). */
    private static final String ASSET = "asset:";

    private final RenderBackend backend;
    private final SceneFiles files;
    private final ClosingLru<String, GpuScene> loaded;
    private final ProceduralAssets assets = new ProceduralAssets();
    private final EnvironmentMaps maps;
    private final TextureImages images;
    /** The recipe text of {@link #sampler}, or null before the first recipe frame. */
    private String samplerRecipe;
    private RecipeSampler sampler;

    /** @param capacity the most scenes kept on the device at once */
    public SceneCache(RenderBackend backend, SceneFiles files, int capacity) {
        this.backend = backend;
        this.files = files;
        this.maps = new FetchedEnvironmentMaps(files);
        this.images = new PhotoTextures(new FetchedPhotoFolders(files));
        this.loaded = new ClosingLru<>(capacity);
    }

    /**
     * The loaded scene of {@code frame}, loading it first if needed.
     *
     * @throws IllegalArgumentException if the scene reference names no built-in scene, or the fetched file is refused
     * @throws SceneLoadException if the scene file cannot be read
     */
    public GpuScene scene(FrameSpec frame) throws InterruptedException {
        GpuScene hit = loaded.find(frame.sceneHash());
        if (hit != null) {
            return hit;
        }
        Scene scene = build(frame);
        long started = System.nanoTime();
        GpuScene gpu = loaded.get(frame.sceneHash(), k -> SceneUpload.load(backend, scene));
        LOG.log(Level.INFO, "job {0} frame {1}: loaded scene {2} ({3}) in {4} ms, {5} bytes on the device",
                frame.jobId(), frame.frame(), frame.sceneRef(), frame.sceneHash(),
                (System.nanoTime() - started) / 1_000_000, gpu.bytes());
        return gpu;
    }

    private Scene build(FrameSpec frame) throws InterruptedException {
        String ref = frame.sceneRef();
        if (ref.startsWith(BuiltinScenes.PREFIX)) {
            String name = ref.substring(BuiltinScenes.PREFIX.length());
            return BuiltinScenes.byName(name).orElseThrow(() -> new IllegalArgumentException("job " + frame.jobId()
                    + " frame " + frame.frame() + ": no built-in scene '" + name + "' on this node; it has "
                    + String.join(", ", BuiltinScenes.names())));
        }
        if (ref.startsWith(BuiltinRecipes.PREFIX)) {
            if (frame.recipe() == null) {
                throw new IllegalArgumentException("job " + frame.jobId() + " frame " + frame.frame() + ": scene " + ref
                        + " is a recipe, but the frame spec carries none");
            }
            if (!frame.recipe().equals(samplerRecipe)) {
                sampler = new RecipeSampler(RecipeJson.read(frame.recipe()), assets, maps, images);
                samplerRecipe = frame.recipe();
            }
            return sampler.draw(frame.seed(), frame.frame()).scene();
        }
        if (ref.startsWith(UPLOADED)) {
            Path file = files.file(frame.sceneHash());
            try {
                return SceneLoader.load(file);
            } catch (SceneFormatException e) {
                throw new SceneLoadException("job " + frame.jobId() + " frame " + frame.frame() + ": scene " + ref
                        + " does not load: " + e.getMessage(), e);
            }
        }
        if (ref.startsWith(ASSET)) {
            SceneFiles.Local local = files.local(frame.sceneHash());
            try {
                Path file = local.file().toAbsolutePath().normalize();
                Scene loaded = SceneLoader.load(file, new ReferencedFiles(local.root().toAbsolutePath().normalize(), file));
                return AssetObject.of(loaded, file.getFileName().toString());
            } catch (SceneFormatException e) {
                throw new SceneLoadException("job " + frame.jobId() + " frame " + frame.frame() + ": asset " + ref
                        + " does not load: " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("job " + frame.jobId() + " frame " + frame.frame() + ": scene reference '"
                + ref + "' is none of " + BuiltinScenes.PREFIX + "NAME, " + BuiltinRecipes.PREFIX + "NAME, " + UPLOADED
                + "HASH or " + ASSET + "HASH");
    }

    /** The hashes of the scenes loaded now, least recently used first. */
    public List<String> loadedHashes() {
        return loaded.keys();
    }

    @Override
    public void close() {
        loaded.close();
    }

    /** A scene file that is there but cannot be read as a scene. */
    public static final class SceneLoadException extends RuntimeException {
        SceneLoadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
