package io.photonfarm.scene.procedural;

import io.photonfarm.image.FloatImage;
import io.photonfarm.scene.Environment;

/**
 * A procedural daylight sky as an equirectangular {@link Environment.Map} (the renderer importance
 * samples it like any environment map): a blue-to-white gradient over the upper hemisphere, a dim
 * ground colour below the horizon, and a sun disc. Not a physical sky model (no scattering): it gives
 * the direction, colour and softness of daylight, which is what varies between frames.
 *
 * <p>Directions follow {@link Environment.Map}: row 0 is the zenith (+y); azimuth is measured from +x
 * towards +z. The sun's angular radius is {@link #SUN_RADIUS_DEG} (larger than the real sun's 0.27
 * degrees so that a 256 x 128 map resolves it; shadows are a little softer than in sunlight).
 */
public final class ProceduralSky {
    /** Map width, texels; the height is half of it. */
    public static final int WIDTH = 256;
    /** Angular radius of the sun disc, degrees. */
    public static final double SUN_RADIUS_DEG = 2.5;

    private ProceduralSky() {
    }

    /**
     * @param sunElevationDeg sun height above the horizon, degrees, in [-10, 90]
     * @param sunAzimuthDeg   sun azimuth from +x towards +z, degrees
     * @param sunIrradiance   irradiance from the sun disc on a surface facing it, W/m^2-like units of the renderer
     * @param skyRadiance     radiance of the sky at the zenith, same units per steradian
     */
    public static Environment.Map sky(double sunElevationDeg, double sunAzimuthDeg, double sunIrradiance, double skyRadiance) {
        if (!(sunElevationDeg >= -10 && sunElevationDeg <= 90) || !(sunIrradiance >= 0) || !(skyRadiance >= 0)
                || !Double.isFinite(sunAzimuthDeg) || !Double.isFinite(sunIrradiance) || !Double.isFinite(skyRadiance)) {
            throw new IllegalArgumentException("sky: sun elevation " + sunElevationDeg + " deg must be in [-10, 90], "
                    + "irradiance " + sunIrradiance + " and sky radiance " + skyRadiance + " finite and >= 0");
        }
        int w = WIDTH;
        int h = WIDTH / 2;
        float[] data = new float[w * h * 3];
        double el = Math.toRadians(sunElevationDeg);
        double az = Math.toRadians(sunAzimuthDeg);
        double[] sun = {StrictMath.cos(el) * StrictMath.cos(az), StrictMath.sin(el), StrictMath.cos(el) * StrictMath.sin(az)};
        double cosSun = StrictMath.cos(Math.toRadians(SUN_RADIUS_DEG));
        // The disc's radiance gives the requested irradiance, E = L * solid angle, over the solid angle
        // of the texels the disc covers (not the ideal disc's), so the map holds exactly E.
        double[] sinT = new double[h];
        double[] cosT = new double[h];
        for (int y = 0; y < h; y++) {
            double theta = Math.PI * (y + 0.5) / h;
            sinT[y] = StrictMath.sin(theta);
            cosT[y] = StrictMath.cos(theta);
        }
        double[] sinP = new double[w];
        double[] cosP = new double[w];
        for (int x = 0; x < w; x++) {
            double phi = 2 * Math.PI * (x + 0.5) / w;
            sinP[x] = StrictMath.sin(phi);
            cosP[x] = StrictMath.cos(phi);
        }
        double sunSolidAngle = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (sinT[y] * cosP[x] * sun[0] + cosT[y] * sun[1] + sinT[y] * sinP[x] * sun[2] >= cosSun) {
                    sunSolidAngle += (2 * Math.PI / w) * (Math.PI / h) * sinT[y];
                }
            }
        }
        double sunRadiance = sunSolidAngle > 0 ? sunIrradiance / sunSolidAngle : 0;
        // Low sun: warmer and dimmer light, a crude stand-in for the longer path through the air.
        double warm = Math.max(0, Math.min(1, sunElevationDeg / 30));
        double[] sunColour = {1.0, 0.75 + 0.22 * warm, 0.5 + 0.42 * warm};
        for (int y = 0; y < h; y++) {
            double dy = cosT[y];
            for (int x = 0; x < w; x++) {
                double r;
                double g;
                double b;
                if (dy >= 0) {
                    double t = (1 - dy) * (1 - dy) * (1 - dy); // 0 at the zenith, 1 at the horizon
                    r = skyRadiance * (0.35 + 0.65 * t);
                    g = skyRadiance * (0.55 + 0.45 * t);
                    b = skyRadiance * (1.0 + 0.05 * t);
                } else {
                    r = skyRadiance * 0.25;
                    g = skyRadiance * 0.23;
                    b = skyRadiance * 0.2;
                }
                if (sinT[y] * cosP[x] * sun[0] + dy * sun[1] + sinT[y] * sinP[x] * sun[2] >= cosSun) {
                    r += sunRadiance * sunColour[0];
                    g += sunRadiance * sunColour[1];
                    b += sunRadiance * sunColour[2];
                }
                int i = 3 * (y * w + x);
                data[i] = (float) r;
                data[i + 1] = (float) g;
                data[i + 2] = (float) b;
            }
        }
        return new Environment.Map(new FloatImage(w, h, 3, data), 1f, 0f);
    }
}
