package io.photonfarm.sensor;

import io.photonfarm.image.FloatImage;

/**
 * Bilinear demosaicing: each missing colour is the mean of its nearest samples (two, or four on a
 * cross or diagonals). Cheap and soft, with colour fringes at edges: what simple camera ISPs do.
 */
record BilinearDemosaic() implements Demosaic {
    private static final int BORDER = 1;

    @Override
    public FloatImage apply(float[] mosaic, int w, int h, CfaPattern cfa) {
        float[] p = Demosaic.pad(mosaic, w, h, BORDER);
        int pw = w + 2 * BORDER;
        float[] out = new float[w * h * 3];
        Rows.forEach(h, y -> {
            for (int x = 0; x < w; x++) {
                int i = (y + BORDER) * pw + x + BORDER;
                int c = cfa.channelAt(x, y);
                float horizontal = (p[i - 1] + p[i + 1]) / 2;
                float vertical = (p[i - pw] + p[i + pw]) / 2;
                int o = (y * w + x) * 3;
                out[o + c] = p[i];
                if (c == CfaPattern.GREEN) {
                    int rowChannel = cfa.channelAt(x + 1, y);
                    out[o + rowChannel] = horizontal;
                    out[o + (2 - rowChannel)] = vertical;
                } else {
                    out[o + CfaPattern.GREEN] = (horizontal + vertical) / 2;
                    out[o + (2 - c)] = (p[i - pw - 1] + p[i - pw + 1] + p[i + pw - 1] + p[i + pw + 1]) / 4;
                }
            }
        });
        return new FloatImage(w, h, 3, out);
    }
}
