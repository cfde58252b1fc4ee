package io.photonfarm.coordinator.dataset;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.tile.RadianceSums;
import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.tile.TileResult;
import io.photonfarm.api.tile.TileResultCodec;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.api.work.WorkUnitKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made frame for assembly tests: every sample of every pixel has a known fixed-point value,
 * so tile results for any tile and sample range, and the exact mean image, can be computed directly.
 */
final class SyntheticFrame {
    static final JobId JOB = new JobId("synthetic-1");
    static final CameraPose CAMERA = new CameraPose(new Vec3(2, 1.5, 4), new Vec3(0, 0.5, 0), new Vec3(0, 1, 0), 40, 0, 0);

    final FrameJob frame;
    final int tileSize;
    final List<SampleRange> ranges;
    private final TileResultCodec codec = new TileResultCodec(1 << 20);

    /** A frame cut into square tiles of {@code tileSize}, each rendered as the given sample ranges. */
    SyntheticFrame(int frameIndex, int width, int height, int spp, int tileSize, List<SampleRange> ranges) {
        this.frame = new FrameJob(JOB, frameIndex, width, height, spp, 77L, CAMERA);
        this.tileSize = tileSize;
        this.ranges = ranges;
    }

    /** One sample's fixed-point radiance: varied, and large enough that float rounding would show. */
    static long sample(int x, int y, int s, int c) {
        long v = (x * 31L + y * 17L + s * 7L + c * 3L) % 97;
        return v * 123_457L + s * 1_001L + c;
    }

    int tilesAcross() {
        return (frame.width() + tileSize - 1) / tileSize;
    }

    int tileCount() {
        return tilesAcross() * ((frame.height() + tileSize - 1) / tileSize);
    }

    TileRect rect(int tile) {
        int x = tile % tilesAcross() * tileSize;
        int y = tile / tilesAcross() * tileSize;
        return new TileRect(x, y, Math.min(tileSize, frame.width() - x), Math.min(tileSize, frame.height() - y));
    }

    WorkUnitKey key(int tile, int range) {
        return new WorkUnitKey(JOB, frame.frame(), tile, range);
    }

    List<WorkUnitKey> keys() {
        List<WorkUnitKey> keys = new ArrayList<>();
        for (int t = 0; t < tileCount(); t++) {
            for (int r = 0; r < ranges.size(); r++) {
                keys.add(key(t, r));
            }
        }
        return keys;
    }

    /** The encoded tile result of a unit, summed directly from {@link #sample}. */
    byte[] encoded(int tile, int range) {
        TileRect rect = rect(tile);
        SampleRange samples = ranges.get(range);
        long[] sums = new long[rect.pixelCount() * 3];
        for (int y = 0; y < rect.height(); y++) {
            for (int x = 0; x < rect.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    long sum = 0;
                    for (int s = samples.first(); s < samples.end(); s++) {
                        sum += sample(rect.x() + x, rect.y() + y, s, c);
                    }
                    sums[(y * rect.width() + x) * 3 + c] = sum;
                }
            }
        }
        return codec.encode(new TileResult(rect, samples, sums));
    }

    /** The exact mean of pixel (x, y) channel c over all spp samples, as the assembler must store it. */
    float expectedMean(int x, int y, int c) {
        long sum = 0;
        for (int s = 0; s < frame.spp(); s++) {
            sum += sample(x, y, s, c);
        }
        return (float) (RadianceSums.toRadiance(sum) / frame.spp());
    }
}
