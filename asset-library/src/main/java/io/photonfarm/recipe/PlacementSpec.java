package io.photonfarm.recipe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How objects are placed. Objects never interpenetrate: each is placed by rejection sampling until
 * its oriented box keeps {@code minGap} from every object placed before it.
 *
 * @param mode            {@code support} (default): at rest on the support, upright, at a random
 *                        position and yaw; {@code volume}: scattered in {@code volume} at random orientations
 * @param minGap          least distance kept between objects' boxes, metres (default 0.005)
 * @param maxAttempts     positions tried per object before the frame is refused (default 200)
 * @param stackProbability in {@code support} mode, the chance that an object is stacked on an
 *                        object placed earlier instead of the support (default 0)
 * @param volume          the box of {@code volume} mode: {"min": [x, y, z], "max": [x, y, z]}, world metres
 * @param yawDeg          yaw range about +y, degrees (default [0, 360])
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlacementSpec(String mode, Double minGap, Integer maxAttempts, Double stackProbability, Volume volume,
        Range yawDeg) {

    /** An axis-aligned box, world metres. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Volume(List<Double> min, List<Double> max) {
    }

    public boolean inVolume() {
        return "volume".equals(mode);
    }

    public double minGapOrDefault() {
        return minGap == null ? 0.005 : minGap;
    }

    public int maxAttemptsOrDefault() {
        return maxAttempts == null ? 200 : maxAttempts;
    }

    public double stackProbabilityOrDefault() {
        return stackProbability == null ? 0 : stackProbability;
    }
}
