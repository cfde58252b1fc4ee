package io.photonfarm.recipe.draw;

import io.photonfarm.image.FloatImage;
import io.photonfarm.recipe.IntRange;
import io.photonfarm.recipe.Lighting;
import io.photonfarm.recipe.Range;
import io.photonfarm.scene.Environment;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.builtin.MeshBuilder;
import io.photonfarm.scene.procedural.ColourTemperature;
import io.photonfarm.scene.procedural.ProceduralSky;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/** Draws a frame's sky or environment map and its area lights, and adds the lights to the scene. */
final class FrameLights {
    private FrameLights() {
    }

    /** The environment and what was drawn for it (area lights are added by {@link #addAreaLights}). */
    record Drawn(Environment environment, double sunElevationDeg, double sunAzimuthDeg, String map) {
    }

    static Drawn environment(Lighting l, DrawRng rng, double lightScale, EnvironmentMaps maps) {
        if (l.sky() != null) {
            Lighting.SkySpec s = l.sky();
            double el = rng.in(Range.or(s.sunElevationDeg(), 20, 70));
            double az = rng.in(Range.or(s.sunAzimuthDeg(), 0, 360));
            double irradiance = rng.in(Range.or(s.sunIrradiance(), 2, 4));
            double sky = rng.in(Range.or(s.skyRadiance(), 0.2, 0.5));
            Environment.Map map = ProceduralSky.sky(el, az, irradiance, sky);
            return new Drawn(new Environment.Map(map.image(), (float) lightScale, 0f), el, az, null);
        }
        if (l.environmentMap() != null) {
            Lighting.EnvironmentMapSpec e = l.environmentMap();
            double rotation = rng.in(Range.or(e.rotationDeg(), 0, 360));
            double intensity = rng.in(Range.or(e.intensity(), 1, 1));
            FloatImage image = maps.find(e.ref()).orElseThrow(() -> new IllegalArgumentException(
                    "lighting.environmentMap.ref: no environment map '" + e.ref() + "' is available"));
            return new Drawn(new Environment.Map(image, (float) (intensity * lightScale), (float) rotation), Double.NaN,
                    Double.NaN, e.ref());
        }
        return new Drawn(Environment.black(), Double.NaN, Double.NaN, null);
    }

    /**
     * Adds square emitters above {@code target}, each facing it, at the support's height plus the
     * drawn height; returns how many were added.
     */
    static int addAreaLights(Lighting.AreaLightsSpec a, DrawRng rng, SceneParts parts, Vector3f target, float supportHeight,
            double lightScale) {
        if (a == null) {
            return 0;
        }
        int count = rng.in(IntRange.or(a.count(), 1, 2));
        for (int i = 0; i < count; i++) {
            double size = rng.in(Range.or(a.sizeM(), 0.2, 0.6));
            double radiance = rng.in(Range.or(a.radiance(), 5, 15));
            double kelvin = rng.in(Range.or(a.kelvin(), 2700, 6500));
            double height = rng.in(Range.or(a.heightM(), 0.8, 1.5));
            double offset = rng.in(Range.or(a.offsetM(), 0, 1));
            double phi = 2 * Math.PI * rng.nextDouble();
            Vector3f centre = new Vector3f((float) (target.x + offset * StrictMath.cos(phi)), (float) (supportHeight + height),
                    (float) (target.z + offset * StrictMath.sin(phi)));
            Vector3f facing = new Vector3f(target).sub(centre).normalize();
            Vector3f u = Math.abs(facing.y) < 0.99f ? new Vector3f(0, 1, 0).cross(facing).normalize() : new Vector3f(1, 0, 0);
            Vector3f v = new Vector3f(facing).cross(u).normalize();
            float h = (float) size / 2;
            Vector3f p0 = new Vector3f(centre).fma(-h, u).fma(-h, v);
            Vector3f p1 = new Vector3f(centre).fma(h, u).fma(-h, v);
            Vector3f p2 = new Vector3f(centre).fma(h, u).fma(h, v);
            Vector3f p3 = new Vector3f(centre).fma(-h, u).fma(h, v);
            Rgb emission = ColourTemperature.of(kelvin).scale((float) (radiance * lightScale));
            int mat = parts.material(Material.emitter("area_light_" + i, new Rgb(0.78f, 0.78f, 0.78f), emission));
            MeshBuilder quad = new MeshBuilder().addQuadFacing(p0, p1, p2, p3, facing, 0);
            parts.instance(quad.build("area_light_" + i), new int[] {mat}, new Matrix4f(), "area_light_" + i, "");
        }
        return count;
    }
}
