package io.photonfarm.coordinator.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.scene.Symmetries;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.joml.Matrix4dc;

/**
 * BOP's {@code models/models_info.json}: per obj_id the model's diameter, bounding box and
 * symmetries in millimetres, as bop_toolkit's {@code calc_model_info} and
 * {@code get_symmetry_transformations} read them. The model frame is the mesh's object space in
 * millimetres, before the instance's {@code scale} (see {@link BopWriter}).
 */
final class BopModelsInfo {
    /**
     * Values are written rounded to multiples of 1 / this (millimetres, or unitless matrix entries):
     * vertices are floats, good to a few 1e-6 mm, so this loses nothing and writes 40 rather than
     * 39.99999910593033, and 0 rather than cos 90 degrees = 6e-17.
     */
    private static final double DECIMALS = 1e5;

    private final Map<Integer, BopModel.FrameModel> byObjId = new TreeMap<>();
    private final Set<Integer> ambiguous = new HashSet<>();
    private final ObjectMapper json;

    BopModelsInfo(ObjectMapper json) {
        this.json = json;
    }

    /** The models_info.json entry of {@code model}: metres to millimetres, the discrete group listed whole. */
    static BopModel.ModelInfo entry(ObjectModel model) {
        double[] lo = model.boundsMin();
        double[] hi = model.boundsMax();
        Symmetries s = model.symmetries();
        List<double[]> discrete = new ArrayList<>();
        for (Matrix4dc g : s.discreteGroup()) {
            double[] rowMajor = new double[16];
            for (int row = 0; row < 4; row++) {
                for (int col = 0; col < 4; col++) {
                    rowMajor[row * 4 + col] = clean(g.get(col, row) * (col == 3 && row < 3 ? 1000 : 1));
                }
            }
            discrete.add(rowMajor);
        }
        List<BopModel.ContinuousSymmetry> continuous = s.continuous().stream()
                .map(c -> new BopModel.ContinuousSymmetry(
                        new double[] {clean(c.axis().x()), clean(c.axis().y()), clean(c.axis().z())},
                        new double[] {clean(c.through().x() * 1000.0), clean(c.through().y() * 1000.0),
                                clean(c.through().z() * 1000.0)}))
                .toList();
        return new BopModel.ModelInfo(clean(model.diameter() * 1000), clean(lo[0] * 1000), clean(lo[1] * 1000),
                clean(lo[2] * 1000), clean((hi[0] - lo[0]) * 1000), clean((hi[1] - lo[1]) * 1000),
                clean((hi[2] - lo[2]) * 1000), continuous, discrete);
    }

    /** The entries of a frame's classes that have a model, by obj_id (the class id) as a string. */
    static Map<String, BopModel.FrameModel> ofFrame(FrameLabels f) {
        Map<String, BopModel.FrameModel> out = new TreeMap<>();
        List<String> classes = f.labels().classes();
        for (int k = 0; k < classes.size(); k++) {
            ObjectModel m = f.models().get(classes.get(k));
            if (m != null) {
                out.put(Integer.toString(k + 1), new BopModel.FrameModel(classes.get(k), entry(m)));
            }
        }
        return out;
    }

    /**
     * Takes a frame's entries (null for a bop.json written before models were). An obj_id that names
     * another class or model than in an earlier frame is ambiguous and gets no entry: one obj_id must
     * be one model in BOP.
     */
    void add(Map<String, BopModel.FrameModel> models) {
        if (models == null) {
            return;
        }
        for (Map.Entry<String, BopModel.FrameModel> e : models.entrySet()) {
            int objId = Integer.parseInt(e.getKey());
            BopModel.FrameModel before = byObjId.putIfAbsent(objId, e.getValue());
            if (before != null && !same(before, e.getValue())) {
                ambiguous.add(objId);
            }
        }
    }

    /** models_info.json's content: obj_id (as a string, in numeric order) to entry. */
    Map<String, BopModel.ModelInfo> entries() {
        Map<String, BopModel.ModelInfo> out = new LinkedHashMap<>();
        byObjId.forEach((id, m) -> {
            if (!ambiguous.contains(id)) {
                out.put(Integer.toString(id), m.info());
            }
        });
        return out;
    }

    private boolean same(BopModel.FrameModel a, BopModel.FrameModel b) {
        JsonNode x = json.valueToTree(a);
        JsonNode y = json.valueToTree(b);
        return x.equals(y);
    }

    private static double clean(double v) {
        double r = Math.round(v * DECIMALS) / DECIMALS;
        return r == 0 ? 0 : r; // no -0.0
    }
}
