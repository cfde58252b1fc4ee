package io.photonfarm.coordinator.gallery;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.tile.RadianceSums;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.tile.TileResult;
import io.photonfarm.api.tile.TileResultCodec;
import io.photonfarm.coordinator.dataset.DatasetLayout;
import io.photonfarm.coordinator.dataset.TileSpool;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The frame being assembled, as far as its tiles have landed: the spooled results merged and
 * normalised per pixel by the samples each has received so far, tone-mapped to sRGB. Pixels no
 * result has reached yet are transparent, so tiles appear in the dashboard as they land. A view
 * only: the written frame is assembled from the same results with full precision.
 */
public final class FramePreview {
    /** A drawn preview. */
    public record Image(int frame, long samplesReceived, long samplesExpected, byte[] png) {
    }

    private final DatasetLayout layout;
    private final TileSpool spool;
    private final TileResultCodec codec;

    /** @param maxTilePixels the largest tile a result may hold (what the codec accepts) */
    public FramePreview(DatasetLayout layout, TileSpool spool, long maxTilePixels) {
        this.layout = layout;
        this.spool = spool;
        this.codec = new TileResultCodec(maxTilePixels);
    }

    /** The lowest-numbered frame of the job with spooled results (being rendered now), if any. */
    public OptionalInt frameInProgress(JobId job) throws IOException {
        Path dir = layout.spoolDir(job);
        if (!Files.isDirectory(dir)) {
            return OptionalInt.empty();
        }
        int lowest = Integer.MAX_VALUE;
        try (DirectoryStream<Path> frames = Files.newDirectoryStream(dir)) {
            for (Path f : frames) {
                OptionalInt n = DatasetLayout.parseFrameDirName(f.getFileName().toString());
                if (n.isPresent() && n.getAsInt() < lowest) {
                    lowest = n.getAsInt();
                }
            }
        }
        return lowest == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(lowest);
    }

    /** Draws the frame from what its spool holds (an empty, transparent image if nothing yet). */
    public Image draw(JobId job, JobSpec spec, int frame) throws IOException {
        int w = spec.width();
        int h = spec.height();
        double[] sums = new double[w * h * 3];
        int[] counts = new int[w * h];
        long received = 0;
        List<TileSpool.Spooled> results = spool.results(job, frame);
        for (TileSpool.Spooled s : results) {
            TileResult r = codec.decode(s.encodedTileResult());
            TileRect rect = r.rect();
            if (!rect.fitsIn(w, h)) {
                continue; // not this job's geometry; the assembler reports such results, the preview skips them
            }
            int n = r.samples().count();
            for (int y = 0; y < rect.height(); y++) {
                for (int x = 0; x < rect.width(); x++) {
                    int p = (rect.y() + y) * w + rect.x() + x;
                    int t = (y * rect.width() + x) * 3;
                    for (int c = 0; c < 3; c++) {
                        sums[p * 3 + c] += RadianceSums.toRadiance(r.sums()[t + c]);
                    }
                    counts[p] += n;
                }
            }
            received += (long) n * rect.pixelCount();
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (counts[p] > 0) {
                    double k = 1.0 / counts[p];
                    img.setRGB(x, y, Png.argb(255, Png.srgb8(sums[p * 3] * k), Png.srgb8(sums[p * 3 + 1] * k),
                            Png.srgb8(sums[p * 3 + 2] * k)));
                }
            }
        }
        return new Image(frame, received, (long) w * h * spec.spp(), Png.encode(img));
    }
}
