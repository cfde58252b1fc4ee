package io.photonfarm.api.job;

/**
 * Upper and lower bounds a {@link JobSpec} must respect. The defaults keep one job within what a
 * coordinator can plan and track in memory; an operator may tighten or widen them.
 *
 * @param maxImageSize    the largest width and height, in pixels (the smallest is 1)
 * @param maxFrames       the most frames per job (the fewest is 1)
 * @param maxSpp          the most samples per pixel (the fewest is 1)
 * @param maxBounces      the most path segments after the camera ray (the fewest is 0)
 * @param minTileSize     the smallest tile edge, in pixels
 * @param maxTileSize     the largest tile edge, in pixels
 * @param maxPriority     the highest priority (the lowest is 0; higher runs first)
 * @param maxWorkUnits    the most work units (frames x tiles x sample ranges) per job
 * @param maxSceneRefLength the longest scene reference, in characters
 */
public record JobLimits(int maxImageSize, int maxFrames, int maxSpp, int maxBounces, int minTileSize,
        int maxTileSize, int maxPriority, long maxWorkUnits, int maxSceneRefLength) {

    public static final JobLimits DEFAULT =
            new JobLimits(16_384, 1_000_000, 1_048_576, 1_024, 8, 4_096, 9, 1_000_000, 1_024);

    public JobLimits {
        if (maxImageSize < 1 || maxFrames < 1 || maxSpp < 1 || maxBounces < 0 || minTileSize < 1
                || maxTileSize < minTileSize || maxPriority < 0 || maxWorkUnits < 1 || maxSceneRefLength < 1) {
            throw new IllegalArgumentException("job limits " + maxImageSize + "/" + maxFrames + "/" + maxSpp + "/"
                    + maxBounces + "/" + minTileSize + "-" + maxTileSize + "/" + maxPriority + "/" + maxWorkUnits
                    + "/" + maxSceneRefLength + ": every maximum must be >= its minimum");
        }
    }
}
