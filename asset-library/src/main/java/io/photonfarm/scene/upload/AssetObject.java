package io.photonfarm.scene.upload;

import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Landmarks;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.Symmetries;
import java.util.List;
import org.joml.Matrix3f;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/**
 * An uploaded mesh asset as the farm renders it: one object. Whatever nodes and meshes the file
 * holds are merged into a single mesh in the file's own frame (the asset's object frame: metres,
 * right-handed, y up), placed once with the identity transform, so a mug made of a body and a
 * handle is one object in every label, with one pose. Coordinators (labelling) and nodes
 * (rendering) both build the scene through {@link #of}, so instance ids agree on both sides.
 *
 * <p>A file that defines no environment is lit by a uniform white one, so an asset without lights
 * of its own does not render black.
 */
public final class AssetObject {
    /** The environment of an asset whose file defines none. */
    public static final Environment DEFAULT_ENVIRONMENT = new Environment.Constant(Rgb.WHITE);

    private AssetObject() {
    }

    /** {@code loaded} as one unlabelled object (scenery until {@link #labelled} names its class). */
    public static Scene of(Scene loaded, String name) {
        Mesh merged = merge(loaded, name);
        Environment env = loaded.environment() instanceof Environment.Constant c && c.radiance().isBlack()
                ? DEFAULT_ENVIRONMENT : loaded.environment();
        return new Scene(List.of(merged), loaded.materials(), loaded.textures(), List.of(Instance.identity(0)),
                loaded.camera(), env);
    }

    /**
     * A scene built by {@link #of} with its object labelled: class {@code category} (empty leaves it
     * scenery) and landmarks in the asset's object frame.
     */
    public static Scene labelled(Scene object, String category, Landmarks landmarks) {
        return labelled(object, category, landmarks, Symmetries.NONE);
    }

    /**
     * A scene built by {@link #of} with its object labelled: class {@code category} (empty leaves it
     * scenery), landmarks and symmetries in the asset's object frame.
     */
    public static Scene labelled(Scene object, String category, Landmarks landmarks, Symmetries symmetries) {
        Mesh mesh = object.meshes().get(0).withLandmarks(landmarks).withSymmetries(symmetries);
        Instance only = object.instances().get(0);
        return new Scene(List.of(mesh), object.materials(), object.textures(),
                List.of(only.labelled(category == null ? "" : category, category)), object.camera(), object.environment());
    }

    private static Mesh merge(Scene s, String name) {
        int vertices = 0;
        int triangles = 0;
        boolean normals = true;
        boolean uvs = false;
        boolean tangents = true;
        for (Instance in : s.instances()) {
            Mesh m = s.meshes().get(in.mesh());
            // A mesh without normals is shaded with its face normals: give each of its triangles own vertices.
            vertices += m.normals() == null ? m.indices().length : m.vertexCount();
            triangles += m.triangleCount();
            uvs |= m.uvs() != null;
            tangents &= m.tangents() != null;
        }
        float[] p = new float[vertices * 3];
        float[] n = normals ? new float[vertices * 3] : null;
        float[] uv = uvs ? new float[vertices * 2] : null;
        float[] t = tangents ? new float[vertices * 4] : null;
        int[] idx = new int[triangles * 3];
        int[] mat = new int[triangles];
        int v0 = 0;
        int t0 = 0;
        Vector3f a = new Vector3f();
        for (Instance in : s.instances()) {
            Mesh m = s.meshes().get(in.mesh());
            Matrix4f toWorld = new Matrix4f(in.objectToWorld());
            Matrix3f normalMatrix = new Matrix3f(toWorld).invert().transpose();
            Matrix3f linear = new Matrix3f(toWorld);
            boolean mirrored = linear.determinant() < 0;
            int[] src = m.indices();
            boolean flat = m.normals() == null;
            int count = flat ? src.length : m.vertexCount();
            for (int v = 0; v < count; v++) {
                int from = flat ? src[v] : v;
                toWorld.transformPosition(a.set(m.positions()[from * 3], m.positions()[from * 3 + 1], m.positions()[from * 3 + 2]));
                put3(p, v0 + v, a);
                if (!flat) {
                    normalMatrix.transform(a.set(m.normals()[v * 3], m.normals()[v * 3 + 1], m.normals()[v * 3 + 2]));
                    put3(n, v0 + v, a.lengthSquared() > 0 ? a.normalize() : a);
                }
                if (uv != null && m.uvs() != null) {
                    uv[(v0 + v) * 2] = m.uvs()[from * 2];
                    uv[(v0 + v) * 2 + 1] = m.uvs()[from * 2 + 1];
                }
                if (t != null) {
                    linear.transform(a.set(m.tangents()[from * 4], m.tangents()[from * 4 + 1], m.tangents()[from * 4 + 2]));
                    if (a.lengthSquared() > 0) {
                        a.normalize();
                    }
                    t[(v0 + v) * 4] = a.x;
                    t[(v0 + v) * 4 + 1] = a.y;
                    t[(v0 + v) * 4 + 2] = a.z;
                    t[(v0 + v) * 4 + 3] = m.tangents()[from * 4 + 3] * (mirrored ? -1 : 1);
                }
            }
            if (flat) {
                for (int tri = 0; tri < m.triangleCount(); tri++) {
                    Vector3f e1 = vertex(p, v0 + tri * 3 + 1).sub(vertex(p, v0 + tri * 3));
                    Vector3f e2 = vertex(p, v0 + tri * 3 + 2).sub(vertex(p, v0 + tri * 3));
                    Vector3f face = e1.cross(e2);
                    if (mirrored) {
                        face.negate(); // the winding is flipped below, so the face normal must follow it
                    }
                    face = face.lengthSquared() > 0 ? face.normalize() : face;
                    for (int k = 0; k < 3; k++) {
                        put3(n, v0 + tri * 3 + k, face);
                    }
                }
            }
            for (int tri = 0; tri < m.triangleCount(); tri++) {
                for (int k = 0; k < 3; k++) {
                    // A mirroring transform turns counter-clockwise faces clockwise: swap two corners back.
                    int corner = mirrored && k > 0 ? 3 - k : k;
                    idx[(t0 + tri) * 3 + k] = v0 + (flat ? tri * 3 + corner : src[tri * 3 + corner]);
                }
                mat[t0 + tri] = m.triangleMaterials()[tri];
            }
            v0 += count;
            t0 += m.triangleCount();
        }
        return new Mesh(name, p, n, uv, t, idx, mat);
    }

    private static Vector3f vertex(float[] p, int v) {
        return new Vector3f(p[v * 3], p[v * 3 + 1], p[v * 3 + 2]);
    }

    private static void put3(float[] a, int v, Vector3f x) {
        a[v * 3] = x.x;
        a[v * 3 + 1] = x.y;
        a[v * 3 + 2] = x.z;
    }
}
