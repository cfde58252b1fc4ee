package io.photonfarm.coordinator.dataset;

import io.photonfarm.api.tile.LabelRecord;
import io.photonfarm.api.tile.RadianceSums;
import io.photonfarm.coordinator.labels.LabelFrame;
import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.tile.TileResult;
import io.photonfarm.image.FloatImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One frame's radiance being assembled: fixed-point sums added as 64-bit integers (exact and
 * independent of the order tiles arrive in) and samples counted per pixel; for a frame with labels,
 * coverage counts added the same way and each tile's label records copied once. Holds w*h*3 longs
 * and w*h ints (plus w*h*(1 + {@link LabelRecord#WORDS}) ints with labels), and one small record
 * per added tile; the tiles themselves are not kept.
 */
final class FrameSums {
    private final FrameJob frame;
    private final long[] sums;
    private final int[] counts;
    private final Map<TileRect, List<Contribution>> rangesByRect = new HashMap<>();
    private final int[] covered;
    private final int[] labels;
    private final Map<TileRect, AcceptedUnit> labelledBy = new HashMap<>();

    private record Contribution(SampleRange samples, AcceptedUnit unit) {
    }

    FrameSums(FrameJob frame) {
        this.frame = frame;
        int pixels = Math.multiplyExact(frame.width(), frame.height());
        this.sums = new long[Math.multiplyExact(pixels, 3)];
        this.counts = new int[pixels];
        this.covered = frame.hasLabels() ? new int[pixels] : null;
        this.labels = frame.hasLabels() ? new int[Math.multiplyExact(pixels, LabelRecord.WORDS)] : null;
    }

    /** Adds one decoded tile result, which came from {@code unit}. */
    void add(TileResult r, AcceptedUnit unit) {
        TileRect rect = r.rect();
        if (!rect.fitsIn(frame.width(), frame.height())) {
            throw new FrameAssemblyException("assembling frame " + frame + ": unit " + unit + " covers " + rect
                    + ", outside the " + frame.width() + "x" + frame.height() + " image");
        }
        long[] src = r.sums();
        int n = r.samples().count();
        for (int y = 0; y < rect.height(); y++) {
            int pixel = (rect.y() + y) * frame.width() + rect.x();
            int s = y * rect.width() * 3;
            for (int x = 0; x < rect.width(); x++, pixel++, s += 3) {
                int d = pixel * 3;
                try {
                    sums[d] = Math.addExact(sums[d], src[s]);
                    sums[d + 1] = Math.addExact(sums[d + 1], src[s + 1]);
                    sums[d + 2] = Math.addExact(sums[d + 2], src[s + 2]);
                    counts[pixel] = Math.addExact(counts[pixel], n);
                } catch (ArithmeticException e) {
                    throw new FrameAssemblyException("assembling frame " + frame + ": unit " + unit + " overflows the "
                            + "64-bit sums of pixel (" + (rect.x() + x) + ", " + (rect.y() + y) + ")", e);
                }
            }
        }
        rangesByRect.computeIfAbsent(rect, k -> new ArrayList<>()).add(new Contribution(r.samples(), unit));
        if (frame.hasLabels()) {
            addLabels(r, unit);
        }
    }

    private void addLabels(TileResult r, AcceptedUnit unit) {
        TileRect rect = r.rect();
        if (r.coverage() == null) {
            throw new FrameAssemblyException("assembling frame " + frame + ": unit " + unit + " has no coverage counts, "
                    + "but the job has labels");
        }
        if (r.labels() != null) {
            AcceptedUnit before = labelledBy.putIfAbsent(rect, unit);
            if (before != null) {
                throw new FrameAssemblyException("assembling frame " + frame + ": tile " + rect + " has label records from "
                        + "both " + before + " and " + unit);
            }
        }
        for (int y = 0; y < rect.height(); y++) {
            for (int x = 0; x < rect.width(); x++) {
                int src = y * rect.width() + x;
                int pixel = (rect.y() + y) * frame.width() + rect.x() + x;
                int c = r.coverage()[src];
                if (c < 0 || c > r.samples().count()) {
                    throw new FrameAssemblyException("assembling frame " + frame + ": unit " + unit + " says " + c + " of "
                            + r.samples().count() + " samples of pixel (" + (rect.x() + x) + ", " + (rect.y() + y)
                            + ") hit the centre's instance");
                }
                covered[pixel] += c;
                if (r.labels() != null) {
                    System.arraycopy(r.labels(), src * LabelRecord.WORDS, labels, pixel * LabelRecord.WORDS, LabelRecord.WORDS);
                }
            }
        }
    }

    /** The frame's labels; call after {@link #checkCoverage}, only for a frame with labels. */
    LabelFrame labelFrame() {
        return new LabelFrame(frame.width(), frame.height(), frame.spp(), labels, covered);
    }

    /**
     * Checks that every pixel received exactly spp samples and that, within each tile, the sample
     * ranges partition [0, spp): equal counts alone would accept a doubled range that hides a missing one.
     *
     * @throws FrameAssemblyException naming the first bad pixel (row-major) and its count, or the tile and range
     */
    void checkCoverage(int acceptedUnits) {
        for (int p = 0; p < counts.length; p++) {
            if (counts[p] != frame.spp()) {
                throw new FrameAssemblyException("assembling frame " + frame + ": pixel (" + p % frame.width() + ", "
                        + p / frame.width() + ") received " + counts[p] + " samples, expected " + frame.spp()
                        + " (" + acceptedUnits + " units accepted; a unit is missing or doubled)");
            }
        }
        for (Map.Entry<TileRect, List<Contribution>> e : rangesByRect.entrySet()) {
            List<Contribution> ranges = new ArrayList<>(e.getValue());
            ranges.sort(Comparator.comparingInt(c -> c.samples().first()));
            int next = 0;
            for (Contribution c : ranges) {
                if (c.samples().first() != next) {
                    throw new FrameAssemblyException("assembling frame " + frame + ": tile " + e.getKey() + " has samples ["
                            + c.samples().first() + ", " + c.samples().end() + ") from unit " + c.unit() + " where sample "
                            + next + " was expected (a range is " + (c.samples().first() < next ? "doubled" : "missing") + ")");
                }
                next = c.samples().end();
            }
            if (frame.hasLabels() && !labelledBy.containsKey(e.getKey())) {
                throw new FrameAssemblyException("assembling frame " + frame + ": tile " + e.getKey() + " has no label records");
            }
        }
    }

    /** The mean linear radiance per pixel, RGB; call after {@link #checkCoverage}. */
    FloatImage toImage() {
        float[] data = new float[sums.length];
        for (int p = 0; p < counts.length; p++) {
            for (int c = 0; c < 3; c++) {
                data[p * 3 + c] = (float) (RadianceSums.toRadiance(sums[p * 3 + c]) / counts[p]);
            }
        }
        return new FloatImage(frame.width(), frame.height(), 3, data);
    }
}
