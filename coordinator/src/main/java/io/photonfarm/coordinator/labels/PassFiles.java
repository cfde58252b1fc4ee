package io.photonfarm.coordinator.labels;

import io.photonfarm.api.job.LabelPass;
import io.photonfarm.api.tile.LabelRecord;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.IdImages;
import io.photonfarm.image.Images;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.SceneLabels;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Scene;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/**
 * Writes a frame's label passes into its directory, losslessly, each file atomically:
 *
 * <ul>
 *   <li>float passes: 32-bit float OpenEXR (ZIP). One channel {@code Y} for scalars ({@code depth_z},
 *       {@code range}, {@code roughness}, {@code metallic}, {@code coverage}); {@code R, G, B} = x, y, z
 *       for vectors ({@code normal_camera}, {@code normal_world} (shading normals), their
 *       {@code _geometric} companions, {@code position_world}, {@code nocs}) and linear RGB for
 *       {@code albedo}; {@code U, V} for {@code uv}.</li>
 *   <li>id passes ({@code instance}, {@code semantic}, {@code material}): 16-bit grey PNG, or, when an
 *       id exceeds 65535, {@code .npy} of dtype {@code <u4}.</li>
 * </ul>
 *
 * Background pixels: depth and range +inf, ids 0, everything else 0.
 */
public final class PassFiles {
    private PassFiles() {
    }

    /**
     * @param cal   the frame's calibration (its rotation turns world normals into camera normals)
     * @param ids   the scene's id tables (semantic ids of instances)
     * @param scene the frame's scene (object bounds and transforms, for NOCS)
     * @return the names of the files written, in {@code dir}
     */
    public static List<String> write(Path dir, LabelFrame f, Set<LabelPass> passes, PinholeCalibration cal,
                                     SceneLabels ids, Scene scene) throws IOException {
        List<String> files = new ArrayList<>();
        for (LabelPass pass : passes) {
            switch (pass) {
                case DEPTH_Z -> files.add(scalar(dir, "depth_z", f, LabelRecord.DEPTH_Z));
                case RANGE -> files.add(scalar(dir, "range", f, LabelRecord.RANGE));
                case ROUGHNESS -> files.add(scalar(dir, "roughness", f, LabelRecord.ROUGHNESS));
                case METALLIC -> files.add(scalar(dir, "metallic", f, LabelRecord.METALLIC));
                case COVERAGE -> files.add(coverage(dir, f));
                case NORMAL_WORLD -> {
                    files.add(vector(dir, "normal_world", f, LabelRecord.NORMAL_SHADING, null));
                    files.add(vector(dir, "normal_world_geometric", f, LabelRecord.NORMAL_GEOMETRIC, null));
                }
                case NORMAL_CAMERA -> {
                    files.add(vector(dir, "normal_camera", f, LabelRecord.NORMAL_SHADING, cal.rotation()));
                    files.add(vector(dir, "normal_camera_geometric", f, LabelRecord.NORMAL_GEOMETRIC, cal.rotation()));
                }
                case POSITION_WORLD -> files.add(vector(dir, "position_world", f, LabelRecord.POSITION, null));
                case ALBEDO -> files.add(vector(dir, "albedo", f, LabelRecord.ALBEDO, null));
                case UV -> files.add(uv(dir, f));
                case NOCS -> files.add(nocs(dir, f, scene));
                case INSTANCE -> files.add(ids(dir, "instance", f, f.instancePass()));
                case SEMANTIC -> {
                    int[] inst = f.instancePass();
                    int[] sem = new int[inst.length];
                    for (int p = 0; p < inst.length; p++) {
                        sem[p] = ids.classOf(inst[p]);
                    }
                    files.add(ids(dir, "semantic", f, sem));
                }
                case MATERIAL -> {
                    int[] mat = new int[f.pixels()];
                    for (int p = 0; p < mat.length; p++) {
                        mat[p] = f.id(p, LabelRecord.MATERIAL);
                    }
                    files.add(ids(dir, "material", f, mat));
                }
            }
        }
        return files;
    }

    private static String scalar(Path dir, String name, LabelFrame f, int offset) throws IOException {
        float[] data = new float[f.pixels()];
        for (int p = 0; p < data.length; p++) {
            data[p] = f.f(p, offset);
        }
        return exr(dir, name, new FloatImage(f.width(), f.height(), 1, data), List.of("Y"));
    }

    private static String coverage(Path dir, LabelFrame f) throws IOException {
        float[] data = new float[f.pixels()];
        for (int p = 0; p < data.length; p++) {
            data[p] = f.coverage(p);
        }
        return exr(dir, "coverage", new FloatImage(f.width(), f.height(), 1, data), List.of("Y"));
    }

    /** A 3-vector pass, rotated by {@code rotation} (row-major 3x3) when given. */
    private static String vector(Path dir, String name, LabelFrame f, int offset, double[][] rotation) throws IOException {
        float[] data = new float[f.pixels() * 3];
        for (int p = 0; p < f.pixels(); p++) {
            double x = f.f(p, offset);
            double y = f.f(p, offset + 1);
            double z = f.f(p, offset + 2);
            for (int c = 0; c < 3; c++) {
                data[p * 3 + c] = rotation == null ? f.f(p, offset + c)
                        : (float) (rotation[c][0] * x + rotation[c][1] * y + rotation[c][2] * z);
            }
        }
        return exr(dir, name, new FloatImage(f.width(), f.height(), 3, data), List.of("R", "G", "B"));
    }

    private static String uv(Path dir, LabelFrame f) throws IOException {
        float[] data = new float[f.pixels() * 2];
        for (int p = 0; p < f.pixels(); p++) {
            data[p * 2] = f.f(p, LabelRecord.UV);
            data[p * 2 + 1] = f.f(p, LabelRecord.UV + 1);
        }
        return exr(dir, "uv", new FloatImage(f.width(), f.height(), 2, data), List.of("U", "V"));
    }

    /**
     * Normalised object coordinates (Wang et al. 2019, NOCS): the hit in the object's space, centred on
     * its bounding box and divided by the box diagonal, plus 0.5, so the object fits in the unit cube
     * with its proportions kept. Computed here in double from the world position and the instance's
     * transform; 0 on the background.
     */
    private static String nocs(Path dir, LabelFrame f, Scene scene) throws IOException {
        int n = scene.instances().size();
        Matrix4f[] worldToObject = new Matrix4f[n];
        double[][] centreAndDiag = new double[n][];
        for (int i = 0; i < n; i++) {
            Instance in = scene.instances().get(i);
            worldToObject[i] = new Matrix4f(in.objectToWorld()).invertAffine();
            float[] b = scene.meshes().get(in.mesh()).bounds();
            double dx = b[3] - b[0];
            double dy = b[4] - b[1];
            double dz = b[5] - b[2];
            double diag = Math.sqrt(dx * dx + dy * dy + dz * dz);
            centreAndDiag[i] = new double[] {(b[0] + b[3]) / 2.0, (b[1] + b[4]) / 2.0, (b[2] + b[5]) / 2.0, diag > 0 ? diag : 1};
        }
        float[] data = new float[f.pixels() * 3];
        Vector3f p = new Vector3f();
        for (int px = 0; px < f.pixels(); px++) {
            int id = f.id(px, LabelRecord.INSTANCE);
            if (id < 1 || id > n) {
                continue;
            }
            p.set(f.f(px, LabelRecord.POSITION), f.f(px, LabelRecord.POSITION + 1), f.f(px, LabelRecord.POSITION + 2));
            worldToObject[id - 1].transformPosition(p);
            double[] cd = centreAndDiag[id - 1];
            data[px * 3] = (float) ((p.x - cd[0]) / cd[3] + 0.5);
            data[px * 3 + 1] = (float) ((p.y - cd[1]) / cd[3] + 0.5);
            data[px * 3 + 2] = (float) ((p.z - cd[2]) / cd[3] + 0.5);
        }
        return exr(dir, "nocs", new FloatImage(f.width(), f.height(), 3, data), List.of("R", "G", "B"));
    }

    private static String ids(Path dir, String name, LabelFrame f, int[] values) throws IOException {
        int max = 0;
        for (int v : values) {
            max = Math.max(max, v);
        }
        if (max <= IdImages.MAX_PNG16) {
            IdImages.writePng16(f.width(), f.height(), values, dir.resolve(name + ".png"));
            return name + ".png";
        }
        IdImages.writeNpyUint32(f.width(), f.height(), values, dir.resolve(name + ".npy"));
        return name + ".npy";
    }

    private static String exr(Path dir, String name, FloatImage img, List<String> channels) throws IOException {
        Images.writeExr(img, channels, dir.resolve(name + ".exr"));
        return name + ".exr";
    }
}
