package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.asset.SceneEntry;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import io.photonfarm.scene.io.AutoCamera;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The built-in scenes ({@code builtin:NAME}): nodes build them themselves, so only the name travels. */
public final class BuiltinSceneSource implements SceneSource {
    /**
     * Bumped when a built-in scene's geometry or materials change, so that nodes which cached the old
     * one by hash build the new one.
     */
    private static final String BUILTIN_VERSION = "1";

    private final Map<String, Scene> scenes = new ConcurrentHashMap<>();
    private final Map<String, SceneCatalog.ResolvedScene> resolved = new ConcurrentHashMap<>();

    @Override
    public boolean owns(String sceneRef) {
        return sceneRef.startsWith(BuiltinScenes.PREFIX);
    }

    @Override
    public SceneCatalog.ResolvedScene resolve(String sceneRef, float aspect) {
        return resolved.computeIfAbsent(sceneRef + "@" + aspect, k -> {
            Scene scene = scene(sceneRef);
            CameraSpec camera = scene.camera().orElseGet(() -> AutoCamera.frame(scene.worldBounds(), aspect));
            return new SceneCatalog.ResolvedScene(sceneRef, sha256(sceneRef + "\n" + BUILTIN_VERSION), camera);
        });
    }

    @Override
    public Scene scene(String sceneRef) {
        Scene cached = scenes.get(sceneRef);
        if (cached != null) {
            return cached;
        }
        Scene scene = BuiltinScenes.byName(sceneRef.substring(BuiltinScenes.PREFIX.length()))
                .orElseThrow(() -> SceneCatalog.unknown(sceneRef, forms()));
        Scene first = scenes.putIfAbsent(sceneRef, scene);
        return first != null ? first : scene;
    }

    @Override
    public List<SceneEntry> entries() {
        return BuiltinScenes.names().stream().map(n -> new SceneEntry(BuiltinScenes.PREFIX + n, n, "builtin", null)).toList();
    }

    @Override
    public String forms() {
        return String.join(", ", BuiltinScenes.names().stream().map(n -> BuiltinScenes.PREFIX + n).toList());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
