package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.builtin.BuiltinScenes;
import io.photonfarm.scene.io.AutoCamera;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Resolves a job's scene reference to what planning needs: the scene's content hash and the camera
 * frames orbit around. Today the farm knows the built-in scenes ({@code builtin:NAME}); nodes build
 * those themselves, so only the name travels. Resolution results are kept per reference.
 */
public final class SceneCatalog {
    /**
     * Bumped when a built-in scene's geometry or materials change, so that nodes which cached the old
     * one by hash build the new one.
     */
    private static final String BUILTIN_VERSION = "1";

    /** What planning needs from a scene. */
    public record ResolvedScene(String sceneRef, String sceneHash, CameraSpec camera) {
    }

    private final ConcurrentMap<String, ResolvedScene> resolved = new ConcurrentHashMap<>();
    /** The few scenes frames are being labelled with now; scenes can be large, so only a handful are kept. */
    private final Map<String, Scene> scenes = java.util.Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Scene> eldest) {
            return size() > 4;
        }
    });

    /**
     * The scene itself, as nodes build it: what frame labelling reads ids, poses and geometry from.
     *
     * @throws JobSpecException naming {@code sceneRef} if the scene is unknown
     */
    public Scene scene(String sceneRef) {
        Scene cached = scenes.get(sceneRef);
        if (cached != null) {
            return cached;
        }
        if (sceneRef != null && sceneRef.startsWith(BuiltinScenes.PREFIX)) {
            Scene scene = BuiltinScenes.byName(sceneRef.substring(BuiltinScenes.PREFIX.length())).orElse(null);
            if (scene != null) {
                scenes.put(sceneRef, scene);
                return scene;
            }
        }
        throw unknown(sceneRef);
    }

    /**
     * @param aspect image width / height, for placing a camera when the scene has none
     * @throws JobSpecException naming {@code sceneRef} if the scene is unknown
     */
    public ResolvedScene resolve(String sceneRef, float aspect) {
        String key = sceneRef + "@" + aspect;
        ResolvedScene cached = resolved.get(key);
        if (cached != null) {
            return cached;
        }
        ResolvedScene r = load(sceneRef, aspect);
        resolved.putIfAbsent(key, r);
        return r;
    }

    private static ResolvedScene load(String sceneRef, float aspect) {
        if (sceneRef != null && sceneRef.startsWith(BuiltinScenes.PREFIX)) {
            String name = sceneRef.substring(BuiltinScenes.PREFIX.length());
            Scene scene = BuiltinScenes.byName(name).orElse(null);
            if (scene != null) {
                CameraSpec camera = scene.camera().orElseGet(() -> AutoCamera.frame(scene.worldBounds(), aspect));
                return new ResolvedScene(sceneRef, sha256(sceneRef + "\n" + BUILTIN_VERSION), camera);
            }
        }
        throw unknown(sceneRef);
    }

    private static JobSpecException unknown(String sceneRef) {
        return new JobSpecException(List.of(new JobSpecException.Violation("sceneRef", String.valueOf(sceneRef),
                "one of " + String.join(", ", BuiltinScenes.names().stream().map(n -> BuiltinScenes.PREFIX + n).toList()))));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
