package io.photonfarm.scene;

import io.photonfarm.image.FloatImage;

/** What a ray that leaves the scene sees. Closed set: a constant colour or an equirectangular map. */
public sealed interface Environment {

    /** Uniform radiance from every direction. */
    record Constant(Rgb radiance) implements Environment {
    }

    /**
     * An equirectangular (latitude-longitude) radiance map, world y up. Row 0 is the zenith (+y),
     * the last row the nadir; column u in [0, 1) maps to azimuth phi = 2 pi u measured from +x
     * towards +z, plus {@code rotationDeg} about +y.
     *
     * @param image       linear RGB radiance, 3 channels
     * @param intensity   multiplier applied to every pixel
     * @param rotationDeg rotation about the world y axis, degrees
     */
    record Map(FloatImage image, float intensity, float rotationDeg) implements Environment {
        public Map {
            if (image.channels() < 3) {
                throw new IllegalArgumentException("environment map needs 3 channels, has " + image.channels());
            }
            if (!(intensity >= 0) || !Float.isFinite(intensity)) {
                throw new IllegalArgumentException("environment intensity must be >= 0, was " + intensity);
            }
        }
    }

    static Environment black() {
        return new Constant(Rgb.BLACK);
    }
}
