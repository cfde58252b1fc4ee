package io.photonfarm.scene.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.scene.CameraSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import org.joml.Vector3f;

/**
 * Reads {@code camera.json}: {@code {"position": [x, y, z], "look_at": [x, y, z], "up": [x, y, z],
 * "vfov_deg": 40, "aperture": 0.02, "focus": 4.0}} in world space (metres, y up). {@code position}
 * and {@code look_at} are required; {@code up} defaults to +y, {@code vfov_deg} to 40, {@code
 * aperture} (lens diameter, m) and {@code focus} (distance to the plane in focus, m; 0 = the
 * distance to look_at) to 0. Unknown fields are refused so that a typo never silently falls back
 * to a default.
 */
public final class CameraJson {
    /** Largest camera file read, bytes. */
    public static final long MAX_BYTES = 64 * 1024;
    private static final Set<String> FIELDS = Set.of("position", "look_at", "up", "vfov_deg", "aperture", "focus");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CameraJson() {
    }

    public static CameraSpec read(Path file) throws SceneFormatException {
        JsonNode root;
        try {
            if (!Files.isRegularFile(file)) {
                throw new SceneFormatException(file, "no such file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new SceneFormatException(file, "is " + Files.size(file) + " bytes; a camera file has at most " + MAX_BYTES);
            }
            root = JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new SceneFormatException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (SceneFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new SceneFormatException(file, "cannot be read: " + e.getMessage(), e);
        }
        return parse(file, root);
    }

    static CameraSpec parse(Path file, JsonNode root) throws SceneFormatException {
        if (root == null || !root.isObject()) {
            throw new SceneFormatException(file, "must hold a JSON object with position and look_at");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new SceneFormatException(file, "unknown field '" + name + "'; known: position, look_at, up, vfov_deg, aperture, focus");
            }
        }
        Vector3f position = vector(file, root, "position", null);
        Vector3f lookAt = vector(file, root, "look_at", null);
        Vector3f up = vector(file, root, "up", new Vector3f(0, 1, 0));
        float vfov = number(file, root, "vfov_deg", 40f);
        float aperture = number(file, root, "aperture", 0f);
        float focus = number(file, root, "focus", 0f);
        try {
            return new CameraSpec(position, lookAt, up, vfov, aperture, focus);
        } catch (IllegalArgumentException e) {
            throw new SceneFormatException(file, e.getMessage());
        }
    }

    private static Vector3f vector(Path file, JsonNode root, String field, Vector3f fallback) throws SceneFormatException {
        JsonNode n = root.get(field);
        if (n == null) {
            if (fallback == null) {
                throw new SceneFormatException(file, "missing required field '" + field + "' ([x, y, z] in metres)");
            }
            return fallback;
        }
        if (!n.isArray() || n.size() != 3) {
            throw new SceneFormatException(file, "'" + field + "' must be an array of 3 numbers, was " + n);
        }
        float[] v = new float[3];
        for (int i = 0; i < 3; i++) {
            if (!n.get(i).isNumber() || !Float.isFinite(n.get(i).floatValue())) {
                throw new SceneFormatException(file, "'" + field + "'[" + i + "] must be a finite number, was " + n.get(i));
            }
            v[i] = n.get(i).floatValue();
        }
        return new Vector3f(v[0], v[1], v[2]);
    }

    private static float number(Path file, JsonNode root, String field, float fallback) throws SceneFormatException {
        JsonNode n = root.get(field);
        if (n == null) {
            return fallback;
        }
        if (!n.isNumber() || !Float.isFinite(n.floatValue())) {
            throw new SceneFormatException(file, "'" + field + "' must be a finite number, was " + n);
        }
        return n.floatValue();
    }
}
