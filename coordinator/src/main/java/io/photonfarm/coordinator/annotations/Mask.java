package io.photonfarm.coordinator.annotations;

import io.photonfarm.labels.RegionMask;

/**
 * A binary mask over a frame's image, read pixel by pixel by the RLE and PNG encoders. Every set
 * pixel lies in the bounds [x0, x1) x [y0, y1), which lie inside the image.
 */
sealed interface Mask permits Mask.Visible, Mask.Amodal {
    int imageWidth();

    int imageHeight();

    int x0();

    int y0();

    /** Right bound, exclusive. */
    int x1();

    /** Bottom bound, exclusive. */
    int y1();

    /** Set pixels. */
    int count();

    /** Whether pixel (x, y), inside the image, is set. */
    boolean get(int x, int y);

    /** The pixels of an instance pass that hold {@code id}: an object's visible mask. */
    record Visible(int[] pass, int imageWidth, int imageHeight, int id, PixelStats stats) implements Mask {
        @Override
        public int x0() {
            return stats.xMin();
        }

        @Override
        public int y0() {
            return stats.yMin();
        }

        @Override
        public int x1() {
            return stats.xEnd();
        }

        @Override
        public int y1() {
            return stats.yEnd();
        }

        @Override
        public int count() {
            return stats.count();
        }

        @Override
        public boolean get(int x, int y) {
            return pass[y * imageWidth + x] == id;
        }
    }

    /** A region mask (an object's unoccluded silhouette) clipped to the image. */
    record Amodal(RegionMask region, int imageWidth, int imageHeight, int x0, int y0, int x1, int y1, int count)
            implements Mask {

        static Amodal of(RegionMask r, int width, int height) {
            int x0 = Math.max(0, r.x());
            int y0 = Math.max(0, r.y());
            int x1 = Math.max(x0, Math.min(width, r.x() + r.width()));
            int y1 = Math.max(y0, Math.min(height, r.y() + r.height()));
            int count = 0;
            for (int b = r.bits().nextSetBit(0); b >= 0 && r.width() > 0; b = r.bits().nextSetBit(b + 1)) {
                int u = r.x() + b % r.width();
                int v = r.y() + b / r.width();
                if (v >= r.y() + r.height()) {
                    break; // bits past the rectangle are not part of the mask
                }
                if (u >= 0 && v >= 0 && u < width && v < height) {
                    count++;
                }
            }
            return new Amodal(r, width, height, x0, y0, x1, y1, count);
        }

        @Override
        public boolean get(int x, int y) {
            return region.get(x, y);
        }
    }
}
