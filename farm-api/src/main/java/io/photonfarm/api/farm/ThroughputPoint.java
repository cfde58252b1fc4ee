package io.photonfarm.api.farm;

/**
 * The farm's throughput at one instant.
 *
 * @param atMillis         epoch milliseconds (UTC)
 * @param samplesPerSecond pixel samples per second over the active nodes
 * @param framesPerMinute  frames written over the minute before {@code atMillis}
 */
public record ThroughputPoint(long atMillis, double samplesPerSecond, double framesPerMinute) {
}
