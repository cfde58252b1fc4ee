package io.photonfarm.scene.io;

import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Scene;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a Wavefront OBJ file and its MTL material libraries into a {@link Scene}.
 *
 * <h2>Geometry</h2>
 * One {@link Mesh} per {@code o} object or {@code g} group that has faces (named "object/group",
 * or after the file when there is neither; a repeated name starts another mesh), each placed once
 * with an identity {@link Instance}. Faces with more than three corners are split into a fan
 * around their first corner, which keeps the counter-clockwise winding but is only correct for
 * convex polygons: concave n-gons are not handled. Every distinct (v, vt, vn) triple of a mesh is
 * one vertex; a mesh keeps uvs (or normals) only when every corner has one, otherwise the packer
 * uses face normals. OBJ's v runs up, the scene's down: {@code v = 1 - v_obj}. Lines, points,
 * smoothing groups, curves and unknown statements are ignored. Degenerate triangles are kept.
 *
 * <h2>Materials</h2>
 * Only materials that faces use are converted, in order of first use; faces before any
 * {@code usemtl}, or with a name no library defines, get a grey diffuse material named "default"
 * (Kd 0.8, added only when used). A name defined again in a later library replaces the earlier
 * definition. MTL to principled material, every value clamped into its range:
 * <ul>
 * <li>baseColor = Kd, clamped to [0, 1]; without Kd 0.8 grey, or white when map_Kd is given
 *     (the map multiplies Kd, as in the MTL standard).</li>
 * <li>roughness = Pr; else 1 when map_Pr is given; else sqrt(2 / (Ns + 2)), the common
 *     convention (a strict match of Walter et al. 2007's Phong-to-Beckmann width would take one
 *     more square root and look rougher); else 1, so a material without Ns and Pr is matte.</li>
 * <li>metallic = Pm; else 1 when map_Pm is given; else 0.</li>
 * <li>ior = Ni clamped to [1, 5]; 1.5 when Ni is absent or &lt;= 0.</li>
 * <li>dissolve = d, else 1 - Tr, else 1. For the refracting illumination models (illum 4, 6, 7,
 *     9) it means glass: transmission = 1 - dissolve and alpha = 1. Otherwise it is coverage:
 *     alpha = dissolve, transmission = 0 (exporters write d &lt; 1 for cut-out leaves too).</li>
 * <li>specular = 0 when the material has no highlight: Ks absent or black, or illum 0 or 1,
 *     unless Pr, Pm, map_Pr or map_Pm is given or the material transmits; 1 otherwise. A
 *     Kd-only material is thus the same as {@link Material#diffuse}.</li>
 * <li>emission = Ke (negative components 0); without Ke white when map_Ke is given, else black.</li>
 * <li>doubleSided = true: OBJ has no notion of culling.</li>
 * <li>map_Kd becomes the base-colour texture, map_Ke the emissive texture.</li>
 * <li>norm is a tangent-space normal map (normalScale = -bm). bump and map_Bump are height maps by
 *     the standard, which the principled material cannot show; since exporters often put normal
 *     maps there, such a map is used as the normal map when its pixels average to a normal map's
 *     blue (mean B &gt; 0.75, mean R and G within 0.3..0.7) and is otherwise ignored.</li>
 * <li>map_Pr and map_Pm (greyscale, read from R) are combined into one glTF metallic-roughness
 *     texture (roughness in G, metallic in B; a missing map's channel is 255). When both are
 *     given with different sizes, map_Pm is ignored and map_Pr kept.</li>
 * <li>Map options (-o, -s, -t, -mm, -bm, -clamp, -blendu, ...) are skipped by their argument
 *     counts; the rest of the line is the file name, so names may contain spaces. Texture
 *     transforms (-o, -s) and -clamp are not applied. A texture file used by several materials
 *     is decoded once.</li>
 * </ul>
 *
 * <h2>Errors and limits</h2>
 * Every problem is a {@link SceneFormatException} naming the file and, inside an OBJ or MTL file,
 * the line: bad or out-of-range indices, malformed or non-finite numbers, faces with fewer than
 * three corners, missing or escaping references (see {@link ReferencedFiles}), undecodable
 * textures, a file without faces. The file is read streaming; lines longer than 1 Mi
 * characters, more than {@value #MAX_TRIANGLES} triangles or
 * {@value #MAX_VERTICES} entries of one vertex kind, and files that would need more than half the
 * JVM's heap are refused.
 */
public final class ObjLoader {
    /** Most triangles (after splitting polygons) one file may have. */
    public static final long MAX_TRIANGLES = 50_000_000L;
    /** Most v, vt or vn statements (each kind counted on its own) one file may have. */
    public static final long MAX_VERTICES = 50_000_000L;

    private ObjLoader() {
    }

    /** Loads {@code objFile}, resolving mtllib and texture references inside its directory. */
    public static Scene load(Path objFile) throws SceneFormatException {
        return load(objFile, ReferencedFiles.beside(objFile));
    }

    /**
     * @param refs resolves the mtllib and map references; MTL texture names are relative to the
     *             MTL file and must stay inside {@code refs.root()}
     * @return meshes with identity instances, the used materials and their textures, no camera and
     *         a black environment
     */
    public static Scene load(Path objFile, ReferencedFiles refs) throws SceneFormatException {
        return load(objFile, refs, Runtime.getRuntime().maxMemory() / 2);
    }

    /** @param memoryBudget bytes the geometry may take while loading (tests make it small) */
    static Scene load(Path objFile, ReferencedFiles refs, long memoryBudget) throws SceneFormatException {
        ObjParser.Result obj;
        try (InputStream in = Files.newInputStream(objFile)) {
            obj = ObjParser.parse(objFile, in, refs, memoryBudget);
        } catch (SceneFormatException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new SceneFormatException(objFile, "does not exist");
        } catch (IOException e) {
            throw new SceneFormatException(objFile, "cannot be read: " + e.getMessage(), e);
        }
        if (obj.meshes().isEmpty()) {
            throw new SceneFormatException(objFile, "no faces: nothing to render");
        }
        try {
            return assemble(obj);
        } catch (IllegalArgumentException e) {
            throw new SceneFormatException(objFile, e.getMessage(), e);
        }
    }

    private static Scene assemble(ObjParser.Result obj) throws SceneFormatException {
        TextureTable textures = new TextureTable();
        MtlMaterials mapper = new MtlMaterials(textures);
        List<Material> materials = new ArrayList<>();
        Map<String, Integer> materialOf = new HashMap<>(); // null: the default material
        int[] slotMaterial = new int[obj.materialSlots().size()];
        for (int s = 0; s < slotMaterial.length; s++) {
            String name = obj.materialSlots().get(s);
            MtlMaterial mtl = name == null ? null : obj.library().get(name);
            String key = mtl == null ? null : name;
            Integer index = materialOf.get(key);
            if (index == null) {
                materials.add(mtl == null ? MtlMaterials.defaultMaterial() : mapper.toMaterial(mtl));
                index = materials.size() - 1;
                materialOf.put(key, index);
            }
            slotMaterial[s] = index;
        }

        List<Mesh> meshes = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        for (ObjMeshBuilder.Draft d : obj.meshes()) {
            int[] triangleMaterials = d.slots();
            for (int i = 0; i < triangleMaterials.length; i++) {
                triangleMaterials[i] = slotMaterial[triangleMaterials[i]];
            }
            meshes.add(new Mesh(d.name(), d.positions(), d.normals(), d.uvs(), null, d.indices(), triangleMaterials));
            instances.add(Instance.identity(meshes.size() - 1));
        }
        return new Scene(meshes, materials, textures.textures(), instances, Optional.empty(), Environment.black());
    }
}
