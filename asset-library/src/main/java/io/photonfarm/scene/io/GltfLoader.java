package io.photonfarm.scene.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Scene;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads glTF 2.0 scenes: {@code .gltf} JSON with external or {@code data:} buffers and images, or
 * binary {@code .glb}. The format is detected by content (the GLB magic "glTF"), not by name.
 *
 * <p>What becomes of the file (units stay glTF's: metres, right-handed, y up, counter-clockwise
 * front faces):
 * <ul>
 *   <li>each glTF mesh becomes one {@link Mesh} at the same index, its triangle primitives
 *       concatenated ({@link GltfMeshes} says how attributes present on only some primitives are
 *       filled); points and lines are skipped; skins and morph targets are ignored (bind pose);</li>
 *   <li>each glTF material becomes one {@link Material} at the same index; if some primitive has
 *       no material, {@link Material#gltfDefault()} is appended after them;</li>
 *   <li>the textures are the decoded images the materials use, each decoded once;</li>
 *   <li>every node of the shown scene that has a mesh becomes an instance with the node's world
 *       transform; nodes with a singular world transform (scale 0) are hidden, i.e. skipped;</li>
 *   <li>the first node, depth-first, with a perspective camera gives the scene's camera;</li>
 *   <li>the environment is black.</li>
 * </ul>
 *
 * <p>Input is untrusted: every index, length and offset is checked before use, and any problem is
 * a {@link SceneFormatException} naming the file and the JSON path ("accessors[3]: ...").
 * Limits: {@link #MAX_TRIANGLES} triangles and {@link #MAX_VERTICES} vertices over all meshes,
 * {@link #MAX_JSON_BYTES} of JSON, {@link GltfNodes#MAX_DEPTH} node levels,
 * {@link GltfMaterials#MAX_TOTAL_TEXELS} texels, {@link ReferencedFiles#MAX_BYTES} per file.
 * Referenced files must lie inside {@code refs.root()}.
 */
public final class GltfLoader {
    /** Most triangles over all meshes of one file (after strips and fans are converted). */
    public static final long MAX_TRIANGLES = 50_000_000L;
    /** Most vertices over all meshes of one file. */
    public static final long MAX_VERTICES = 50_000_000L;
    /** Largest JSON document (the .gltf file or the GLB JSON chunk), bytes. */
    public static final long MAX_JSON_BYTES = 256L << 20;

    /**
     * Extensions that may appear in extensionsRequired. KHR_mesh_quantization only widens the
     * accepted component types of attributes, which every read here already converts to float.
     */
    static final Set<String> SUPPORTED_EXTENSIONS = Set.of("KHR_materials_emissive_strength", "KHR_materials_ior",
            "KHR_materials_transmission", "KHR_materials_specular", "KHR_mesh_quantization");

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    private GltfLoader() {
    }

    /** Loads {@code file}, resolving its references beside it (they may not leave its directory). */
    public static Scene load(Path file) throws SceneFormatException {
        return load(file, ReferencedFiles.beside(file));
    }

    /**
     * Loads a .gltf or .glb file.
     *
     * @param file the scene file
     * @param refs where buffer and image URIs are resolved, and the directory they may not leave
     * @throws SceneFormatException when the file cannot be read, is malformed, uses a required
     *                              extension that is not implemented, or exceeds a limit
     */
    public static Scene load(Path file, ReferencedFiles refs) throws SceneFormatException {
        byte[] data = read(file);
        boolean glb = GlbContainer.isGlb(data);
        GlbContainer container = glb ? GlbContainer.parse(file, data) : null;
        byte[] jsonBytes = glb ? container.json() : data;
        if (jsonBytes.length > MAX_JSON_BYTES) {
            throw new SceneFormatException(file, "the JSON is " + jsonBytes.length + " bytes; at most " + MAX_JSON_BYTES
                    + " are accepted (store large buffers in .bin files or a GLB BIN chunk)");
        }
        GltfJson json = GltfJson.parse(file, jsonBytes);
        checkAsset(json);
        checkRequiredExtensions(json);

        GltfBuffers buffers = new GltfBuffers(json, refs, glb, glb ? container.bin() : null);
        GltfNodes.Placement placement = new GltfNodes(json).load(json.count("meshes"));
        GltfMeshes meshLoader = new GltfMeshes(json, new GltfAccessors(json, buffers), json.count("materials"));
        List<Mesh> meshes = meshLoader.loadAll();
        GltfMaterials materialLoader = new GltfMaterials(json, buffers);
        List<Material> materials = new ArrayList<>(materialLoader.loadAll());
        if (meshLoader.defaultMaterialUsed()) {
            materials.add(Material.gltfDefault());
        }
        try {
            return new Scene(meshes, materials, materialLoader.textures(), placement.instances(), placement.camera(),
                    Environment.black());
        } catch (IllegalArgumentException e) {
            throw new SceneFormatException(file, e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) throws SceneFormatException {
        try {
            long size = Files.size(file);
            if (size > ReferencedFiles.MAX_BYTES) {
                throw new SceneFormatException(file, "the file is " + size + " bytes; at most "
                        + ReferencedFiles.MAX_BYTES + " are read");
            }
            return Files.readAllBytes(file);
        } catch (SceneFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new SceneFormatException(file, "cannot read the file: " + e, e);
        }
    }

    /** asset.version must be 2.x, and asset.minVersion (if any) at most 2.0, what this loader implements. */
    private static void checkAsset(GltfJson json) throws SceneFormatException {
        JsonNode asset = json.object(json.root(), "asset", "");
        if (asset == null) {
            throw json.error("asset", "required property 'asset' is missing");
        }
        String version = json.string(asset, "version", "asset");
        if (version == null) {
            throw json.error("asset", "required property 'version' is missing");
        }
        int[] v = version(json, version, "asset.version");
        if (v[0] != 2) {
            throw json.error("asset.version", "glTF " + version + " is not supported; only glTF 2.x is");
        }
        String min = json.string(asset, "minVersion", "asset");
        if (min != null) {
            int[] m = version(json, min, "asset.minVersion");
            if (m[0] != 2 || m[1] > 0) {
                throw json.error("asset.minVersion", "the file requires glTF " + min + "; this loader implements 2.0");
            }
        }
    }

    private static int[] version(GltfJson json, String text, String path) throws SceneFormatException {
        Matcher m = VERSION.matcher(text);
        if (!m.matches() || m.group(1).length() > 6 || m.group(2).length() > 6) {
            throw json.error(path, "must look like \"2.0\", was \"" + text + "\"");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** The specification requires loaders to refuse files whose required extensions they lack. */
    private static void checkRequiredExtensions(GltfJson json) throws SceneFormatException {
        JsonNode required = json.array(json.root(), "extensionsRequired", "");
        if (required == null) {
            return;
        }
        Set<String> missing = new TreeSet<>();
        for (int i = 0; i < required.size(); i++) {
            JsonNode e = required.get(i);
            if (!e.isTextual()) {
                throw json.error("extensionsRequired[" + i + "]", "must be a string");
            }
            if (!SUPPORTED_EXTENSIONS.contains(e.textValue())) {
                missing.add(e.textValue());
            }
        }
        if (!missing.isEmpty()) {
            throw json.error("extensionsRequired", "the file requires extensions that are not supported: "
                    + String.join(", ", missing) + " (supported: " + String.join(", ", new TreeSet<>(SUPPORTED_EXTENSIONS))
                    + ")");
        }
    }
}
