package io.photonfarm.image;

/**
 * OpenEXR compression methods by their code in the {@code compression} attribute, with the number
 * of scan lines each chunk holds. Only the lossless, zlib- and run-length-based ones are decoded.
 */
enum ExrCompression {
    NONE(0, 1, 1),
    /** Byte-wise run-length encoding after the EXR predictor; a 2-byte run expands to at most 128 bytes. */
    RLE(1, 1, 64),
    /** zlib after the EXR predictor, one scan line per chunk; deflate expands at most about 1032:1. */
    ZIPS(2, 1, 1032),
    /** zlib after the EXR predictor, 16 scan lines per chunk. */
    ZIP(3, 16, 1032),
    PIZ(4, 32, 0),
    PXR24(5, 16, 0),
    B44(6, 32, 0),
    B44A(7, 32, 0),
    DWAA(8, 32, 0),
    DWAB(9, 256, 0),
    HTJ2K(10, 256, 0);

    final int code;
    final int linesPerChunk;
    /**
     * Most uncompressed bytes one stored byte can produce; bounds a chunk's declared size before it
     * is decoded. 0 for methods this reader does not support.
     */
    final int maxExpansion;

    ExrCompression(int code, int linesPerChunk, int maxExpansion) {
        this.code = code;
        this.linesPerChunk = linesPerChunk;
        this.maxExpansion = maxExpansion;
    }

    boolean supported() {
        return maxExpansion > 0;
    }

    /** @return the method with this code, or null when the code is unknown */
    static ExrCompression of(int code) {
        for (ExrCompression c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
