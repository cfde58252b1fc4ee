package io.photonfarm.image;

/** OpenEXR channel sample types, by their code in the channel list. */
enum ExrPixelType {
    /** 32-bit unsigned integer (object ids and similar); read as the nearest float. */
    UINT(0, 4),
    /** 16-bit float, see {@link Half}. */
    HALF(1, 2),
    /** 32-bit IEEE float. */
    FLOAT(2, 4);

    final int code;
    /** Bytes one sample occupies in the file. */
    final int bytes;

    ExrPixelType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** @return the type with this code, or null when the code is unknown */
    static ExrPixelType of(int code) {
        for (ExrPixelType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
