package io.photonfarm.scene.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.CameraSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CameraJsonTest {
    @TempDir
    Path dir;

    Path write(String json) throws IOException {
        Path f = dir.resolve("camera.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void everyFieldIsReadInWorldMetres() throws IOException {
        CameraSpec c = CameraJson.read(write("{\"position\": [0, 1, 4], \"look_at\": [0, 0.5, 0], \"up\": [0, 0, 1],"
                + " \"vfov_deg\": 35, \"aperture\": 0.02, \"focus\": 3.5}"));
        assertEquals(new Vector3f(0, 1, 4), c.position());
        assertEquals(new Vector3f(0, 0.5f, 0), c.lookAt());
        assertEquals(new Vector3f(0, 0, 1), c.up());
        assertEquals(35f, c.vfovDeg());
        assertEquals(0.02f, c.aperture());
        assertEquals(3.5f, c.effectiveFocusDistance());
    }

    @Test
    void optionalFieldsTakeTheirDocumentedDefaults() throws IOException {
        CameraSpec c = CameraJson.read(write("{\"position\": [0, 0, 2], \"look_at\": [0, 0, 0]}"));
        assertEquals(new Vector3f(0, 1, 0), c.up());
        assertEquals(40f, c.vfovDeg());
        assertEquals(0f, c.aperture());
        assertEquals(2f, c.effectiveFocusDistance(), 1e-6f, "focus 0 means the distance to look_at");
    }

    @Test
    void brokenCameraFilesNameTheFileAndTheProblem() throws IOException {
        String[][] cases = {
                {"{\"position\": [0, 0, 2]", "not valid JSON"},
                {"[1, 2, 3]", "JSON object"},
                {"{\"look_at\": [0, 0, 0]}", "missing required field 'position'"},
                {"{\"position\": [0, 0], \"look_at\": [0, 0, 0]}", "'position' must be an array of 3 numbers"},
                {"{\"position\": [0, \"a\", 2], \"look_at\": [0, 0, 0]}", "'position'[1] must be a finite number"},
                {"{\"position\": [0, 0, 2], \"look_at\": [0, 0, 0], \"fov\": 30}", "unknown field 'fov'"},
                {"{\"position\": [0, 0, 2], \"look_at\": [0, 0, 0], \"vfov_deg\": 180}", "vfov_deg must be in (0, 180)"},
                {"{\"position\": [0, 0, 2], \"look_at\": [0, 0, 2]}", "position and look_at must differ"},
                {"{\"position\": [0, 0, 2], \"look_at\": [0, 0, 0], \"up\": [0, 0, 1]}", "up must not be parallel"},
                {"{\"position\": [0, 0, 2], \"look_at\": [0, 0, 0], \"aperture\": -1}", "aperture must be >= 0"},
        };
        for (String[] c : cases) {
            Path f = write(c[0]);
            SceneFormatException e = assertThrows(SceneFormatException.class, () -> CameraJson.read(f), c[0]);
            assertTrue(e.getMessage().contains("camera.json") && e.getMessage().contains(c[1]), e.getMessage());
        }
        SceneFormatException missing = assertThrows(SceneFormatException.class, () -> CameraJson.read(dir.resolve("none.json")));
        assertTrue(missing.getMessage().contains("none.json"), missing.getMessage());
    }
}
