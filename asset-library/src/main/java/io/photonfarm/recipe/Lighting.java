package io.photonfarm.recipe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a frame is lit: a procedural sky or an environment map (at most one of them), plus area lights.
 *
 * @param sky            a procedural daylight sky
 * @param environmentMap an environment map asset
 * @param areaLights     rectangular lights above the scene
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lighting(SkySpec sky, EnvironmentMapSpec environmentMap, AreaLightsSpec areaLights) {

    /**
     * @param sunElevationDeg sun height above the horizon, degrees in [-10, 90] (default [20, 70])
     * @param sunAzimuthDeg   from +x towards +z, degrees (default [0, 360])
     * @param sunIrradiance   irradiance from the sun on a surface facing it (default [2, 4])
     * @param skyRadiance     sky radiance at the zenith (default [0.2, 0.5])
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SkySpec(Range sunElevationDeg, Range sunAzimuthDeg, Range sunIrradiance, Range skyRadiance) {
    }

    /**
     * @param ref         the map's asset reference
     * @param rotationDeg rotation about +y, degrees (default [0, 360])
     * @param intensity   multiplier (default 1)
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EnvironmentMapSpec(String ref, Range rotationDeg, Range intensity) {
    }

    /**
     * Square lights facing the scene's centre from above.
     *
     * @param count    lights per frame (default [1, 2])
     * @param sizeM    side, metres (default [0.2, 0.6])
     * @param radiance emitted radiance (default [5, 15])
     * @param kelvin   colour temperature, kelvin in [1000, 40000] (default [2700, 6500])
     * @param heightM  height above the support, metres (default [0.8, 1.5])
     * @param offsetM  horizontal distance from the scene's centre, metres (default [0, 1])
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AreaLightsSpec(IntRange count, Range sizeM, Range radiance, Range kelvin, Range heightM, Range offsetM) {
    }
}
