package io.photonfarm.image;

import java.util.List;

/**
 * What a single-part scan line OpenEXR header says about the pixels, as far as decoding needs.
 *
 * @param channels    in file order: sorted by name, as the pixel data stores them
 * @param xMin        left column of the data window, pixel space
 * @param yMin        top row of the data window, pixel space (y grows downwards)
 * @param width       data window width, pixels
 * @param height      data window height, pixels
 */
record ExrHeader(List<ExrChannel> channels, ExrCompression compression, int xMin, int yMin, int width, int height) {
    ExrHeader {
        channels = List.copyOf(channels);
    }

    int chunkCount() {
        return (height + compression.linesPerChunk - 1) / compression.linesPerChunk;
    }

    /** Scan lines in chunk {@code chunk}: the last one may be short. */
    int linesIn(int chunk) {
        return Math.min(compression.linesPerChunk, height - chunk * compression.linesPerChunk);
    }

    /** Bytes of one uncompressed scan line: every channel's samples for the data window's width. */
    long lineBytes() {
        long bytes = 0;
        for (ExrChannel c : channels) {
            bytes += (long) c.type().bytes * width;
        }
        return bytes;
    }
}
