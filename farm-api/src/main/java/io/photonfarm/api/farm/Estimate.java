package io.photonfarm.api.farm;

/**
 * How long a job would take ({@code POST /api/v1/estimates}), from the farm's measured throughput.
 *
 * @param pixelSamples     frames x width x height x samples per pixel
 * @param samplesPerSecond the active nodes' summed throughput, pixel samples per second (0 if none measured)
 * @param nodes            active nodes that reported a throughput
 * @param queuedSeconds    seconds of work already ahead of a new job at that throughput (null without one)
 * @param seconds          seconds to render the job once it starts, at that throughput (null without one)
 * @param basis            in words, what the figure rests on (or why there is none)
 */
public record Estimate(long pixelSamples, double samplesPerSecond, int nodes, Double queuedSeconds, Double seconds,
        String basis) {
}
