package io.photonfarm.coordinator.labels;

import io.photonfarm.api.camera.DepthSensorProfile;
import io.photonfarm.api.tile.LabelRecord;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.sensor.depth.DepthFrame;
import io.photonfarm.sensor.depth.DepthSensorSimulator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the {@code depth_sensor} pass: what the job's depth camera would measure of the frame
 * ({@link DepthSensorSimulator}), from the exact pixel-centre labels: depth along the optical axis,
 * the incidence between each pixel's ray (camera centre to the hit point) and the geometric normal,
 * and the albedo's luminance. One-channel float EXR ({@code Y}), metres, 0 = no measurement.
 */
final class DepthSensorPass {
    static final String FILE = "depth_sensor.exr";

    private DepthSensorPass() {
    }

    static String write(Path dir, LabelFrame f, PinholeCalibration cal, DepthSensorProfile profile, long seed, int frame)
            throws IOException {
        int n = f.pixels();
        float[] depth = new float[n];
        float[] cos = new float[n];
        float[] albedo = new float[n];
        double[] c = cal.cameraCentre();
        for (int p = 0; p < n; p++) {
            depth[p] = f.f(p, LabelRecord.DEPTH_Z);
            if (!Float.isFinite(depth[p])) {
                continue;
            }
            double dx = f.f(p, LabelRecord.POSITION) - c[0];
            double dy = f.f(p, LabelRecord.POSITION + 1) - c[1];
            double dz = f.f(p, LabelRecord.POSITION + 2) - c[2];
            double nx = f.f(p, LabelRecord.NORMAL_GEOMETRIC);
            double ny = f.f(p, LabelRecord.NORMAL_GEOMETRIC + 1);
            double nz = f.f(p, LabelRecord.NORMAL_GEOMETRIC + 2);
            double len = Math.sqrt(dx * dx + dy * dy + dz * dz) * Math.sqrt(nx * nx + ny * ny + nz * nz);
            cos[p] = len > 0 ? (float) Math.min(1, Math.abs(dx * nx + dy * ny + dz * nz) / len) : 0f;
            // Rec. 709 luminance of the linear albedo.
            albedo[p] = (float) (0.2126 * f.f(p, LabelRecord.ALBEDO) + 0.7152 * f.f(p, LabelRecord.ALBEDO + 1)
                    + 0.0722 * f.f(p, LabelRecord.ALBEDO + 2));
        }
        float[] measured = new DepthSensorSimulator(profile).measure(new DepthFrame(f.width(), f.height(), cal.fx(), depth, cos,
                albedo), seed, frame);
        Images.writeExr(new FloatImage(f.width(), f.height(), 1, measured), dir.resolve(FILE));
        return FILE;
    }
}
