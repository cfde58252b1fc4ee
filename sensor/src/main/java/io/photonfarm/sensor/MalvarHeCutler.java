package io.photonfarm.sensor;

import io.photonfarm.image.FloatImage;

/**
 * Gradient-corrected bilinear demosaicing: H. S. Malvar, L. He and R. Cutler, "High-quality linear
 * interpolation for demosaicing of Bayer-patterned color images", ICASSP 2004. Each missing colour
 * is the bilinear estimate corrected by the known colour's Laplacian, through the paper's four 5x5
 * kernels (weights below are 8 times the paper's, divided out at the end).
 */
record MalvarHeCutler() implements Demosaic {
    private static final int BORDER = 2;

    @Override
    public FloatImage apply(float[] mosaic, int w, int h, CfaPattern cfa) {
        float[] p = Demosaic.pad(mosaic, w, h, BORDER);
        int pw = w + 2 * BORDER;
        float[] out = new float[w * h * 3];
        Rows.forEach(h, y -> {
            for (int x = 0; x < w; x++) {
                int i = (y + BORDER) * pw + x + BORDER;
                int c = cfa.channelAt(x, y);
                float centre = p[i];
                float left = p[i - 1];
                float right = p[i + 1];
                float up = p[i - pw];
                float down = p[i + pw];
                float left2 = p[i - 2];
                float right2 = p[i + 2];
                float up2 = p[i - 2 * pw];
                float down2 = p[i + 2 * pw];
                float diagonals = p[i - pw - 1] + p[i - pw + 1] + p[i + pw - 1] + p[i + pw + 1];
                int o = (y * w + x) * 3;
                if (c == CfaPattern.GREEN) {
                    // The colour on this row's neighbours, and the one on this column's.
                    float rowColour = (5 * centre + 4 * (left + right) - (left2 + right2) - diagonals
                            + 0.5f * (up2 + down2)) / 8;
                    float columnColour = (5 * centre + 4 * (up + down) - (up2 + down2) - diagonals
                            + 0.5f * (left2 + right2)) / 8;
                    int rowChannel = cfa.channelAt(x + 1, y);
                    out[o + CfaPattern.GREEN] = centre;
                    out[o + rowChannel] = rowColour;
                    out[o + (2 - rowChannel)] = columnColour;
                } else {
                    float green = (4 * centre + 2 * (left + right + up + down) - (left2 + right2 + up2 + down2)) / 8;
                    float opposite = (6 * centre + 2 * diagonals - 1.5f * (left2 + right2 + up2 + down2)) / 8;
                    out[o + c] = centre;
                    out[o + CfaPattern.GREEN] = green;
                    out[o + (2 - c)] = opposite;
                }
            }
        });
        return new FloatImage(w, h, 3, out);
    }
}
