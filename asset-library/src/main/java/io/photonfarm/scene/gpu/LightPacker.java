package io.photonfarm.scene.gpu;

import io.photonfarm.scene.Material;
import io.photonfarm.scene.Mesh;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.joml.Matrix4fc;
import org.joml.Vector3f;

/**
 * Collects the emissive (instance, triangle) pairs into LIGHTS and their alias table LIGHT_ALIAS.
 * Selection weight = luminance(emission) x world-space area. Pairs of weight 0 (zero area, or
 * emission of zero luminance) are left out: they could never be picked.
 */
final class LightPacker {
    /** One packed instance as the light pass sees it. */
    record PlacedMesh(Mesh mesh, Matrix4fc objectToWorld, int firstTri, int[] order) {
    }

    /** The result: buffers, count and the sum of weights. */
    record Lights(ByteBuffer lights, ByteBuffer alias, int count, double totalWeight) {
    }

    private LightPacker() {
    }

    /**
     * @param placed    instances in {@code instances} buffer (TLAS leaf) order
     * @param materials the scene's materials
     */
    static Lights pack(List<PlacedMesh> placed, List<Material> materials) {
        boolean[] emits = new boolean[materials.size()];
        float[] luminance = new float[materials.size()];
        for (int m = 0; m < materials.size(); m++) {
            emits[m] = materials.get(m).isEmissive();
            luminance[m] = materials.get(m).emission().luminance();
        }
        float[] verts = new float[9 * 16];
        int[] ids = new int[2 * 16];
        double[] weights = new double[16];
        int count = 0;
        Vector3f[] w = {new Vector3f(), new Vector3f(), new Vector3f()};
        Vector3f e1 = new Vector3f();
        Vector3f e2 = new Vector3f();
        for (int inst = 0; inst < placed.size(); inst++) {
            PlacedMesh pm = placed.get(inst);
            int[] triMat = pm.mesh().triangleMaterials();
            if (!anyEmissive(triMat, emits)) {
                continue;
            }
            float[] p = pm.mesh().positions();
            int[] idx = pm.mesh().indices();
            for (int k = 0; k < pm.order().length; k++) {
                int tri = pm.order()[k];
                int mat = triMat[tri];
                if (!emits[mat]) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    int v = 3 * idx[3 * tri + c];
                    pm.objectToWorld().transformPosition(p[v], p[v + 1], p[v + 2], w[c]);
                }
                w[1].sub(w[0], e1);
                w[2].sub(w[0], e2);
                double area = 0.5 * e1.cross(e2).length();
                double weight = luminance[mat] * area;
                if (!(weight > 0) || !Double.isFinite(weight)) {
                    continue;
                }
                if (count == weights.length) {
                    verts = Arrays.copyOf(verts, 2 * verts.length);
                    ids = Arrays.copyOf(ids, 2 * ids.length);
                    weights = Arrays.copyOf(weights, 2 * weights.length);
                }
                for (int c = 0; c < 3; c++) {
                    verts[9 * count + 3 * c] = w[c].x;
                    verts[9 * count + 3 * c + 1] = w[c].y;
                    verts[9 * count + 3 * c + 2] = w[c].z;
                }
                ids[2 * count] = pm.firstTri() + k;
                ids[2 * count + 1] = inst;
                weights[count] = weight;
                count++;
            }
        }
        ByteBuffer lights = Std430.allocate(count, GpuLayout.LIGHT);
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < 3; c++) {
                Std430.putVec4(lights, verts, 9 * i + 3 * c, 0f);
            }
            lights.putInt(ids[2 * i]).putInt(ids[2 * i + 1]).putInt(0).putInt(0);
        }
        ByteBuffer alias = Std430.allocate(count, GpuLayout.ALIAS);
        double total = 0;
        if (count > 0) {
            AliasTable table = AliasTable.build(weights, 0, count);
            table.writeTo(alias);
            total = table.totalWeight();
        }
        return new Lights(lights.clear(), alias.clear(), count, total);
    }

    private static boolean anyEmissive(int[] triMaterials, boolean[] emits) {
        for (int m : triMaterials) {
            if (emits[m]) {
                return true;
            }
        }
        return false;
    }
}
