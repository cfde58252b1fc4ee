package io.photonfarm.coordinator.assets;

import io.photonfarm.api.asset.AssetKind;
import io.photonfarm.api.asset.AssetView;
import io.photonfarm.api.asset.SceneEntry;
import io.photonfarm.coordinator.jobs.SceneCatalog;
import io.photonfarm.coordinator.jobs.SceneSource;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.io.AutoCamera;
import java.util.List;

/**
 * Uploaded mesh assets as scenes of their own ({@code asset:HASH}): nodes fetch the asset by its
 * hash, which is also the hash they cache the loaded scene by; the camera is the file's own or one
 * placed automatically to frame the object.
 */
public final class AssetSceneSource implements SceneSource {
    private final AssetLibrary library;

    public AssetSceneSource(AssetLibrary library) {
        this.library = library;
    }

    @Override
    public boolean owns(String sceneRef) {
        return sceneRef.startsWith(AssetView.SCENE_PREFIX);
    }

    @Override
    public SceneCatalog.ResolvedScene resolve(String sceneRef, float aspect) {
        AssetView view = mesh(sceneRef);
        Scene scene = library.object(view);
        CameraSpec camera = scene.camera().orElseGet(() -> AutoCamera.frame(scene.worldBounds(), aspect));
        return new SceneCatalog.ResolvedScene(sceneRef, view.hash(), camera);
    }

    @Override
    public Scene scene(String sceneRef) {
        return library.scene(mesh(sceneRef).hash());
    }

    @Override
    public List<SceneEntry> entries() {
        return library.list().stream().filter(a -> a.kind() == AssetKind.MESH)
                .map(a -> new SceneEntry(a.sceneRef(), a.name(), "upload", a.triangles())).toList();
    }

    @Override
    public String forms() {
        return AssetView.SCENE_PREFIX + "HASH (an uploaded mesh asset, see GET /api/v1/scenes)";
    }

    private AssetView mesh(String sceneRef) {
        String hash = sceneRef.substring(AssetView.SCENE_PREFIX.length());
        AssetView view;
        try {
            view = library.get(hash);
        } catch (AssetException e) {
            throw SceneCatalog.unknown(sceneRef, forms());
        } catch (IllegalArgumentException e) {
            throw SceneCatalog.unknown(sceneRef, forms());
        }
        if (view.kind() != AssetKind.MESH) {
            throw new io.photonfarm.api.job.JobSpecException(List.of(new io.photonfarm.api.job.JobSpecException.Violation(
                    "sceneRef", sceneRef, "a mesh asset; asset " + hash + " is an environment map")));
        }
        return view;
    }
}
