package io.photonfarm.scene;

/** A linear RGB triple (radiance, reflectance or emission, depending on where it is used). */
public record Rgb(float r, float g, float b) {
    public static final Rgb BLACK = new Rgb(0, 0, 0);
    public static final Rgb WHITE = new Rgb(1, 1, 1);

    public Rgb {
        if (!Float.isFinite(r) || !Float.isFinite(g) || !Float.isFinite(b)) {
            throw new IllegalArgumentException("colour components must be finite: " + r + ", " + g + ", " + b);
        }
    }

    public Rgb scale(float s) {
        return new Rgb(r * s, g * s, b * s);
    }

    /** Rec. 709 luminance of linear values. */
    public float luminance() {
        return 0.2126f * r + 0.7152f * g + 0.0722f * b;
    }

    public boolean isBlack() {
        return r <= 0 && g <= 0 && b <= 0;
    }
}
