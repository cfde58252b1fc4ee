package io.photonfarm.coordinator.nodes;

/**
 * Sizes a node's claim to its measured throughput, so that a claimed batch takes about
 * {@code targetSeconds} on a big GPU and on a CPU device alike. The units themselves never change
 * (samples are pure functions of their index, so how units are grouped cannot change a pixel);
 * only how many consecutive units one claim leases.
 *
 * @param targetSeconds how long a batch should take, seconds
 * @param maxUnits      the most units one claim may lease
 */
public record UnitSizer(double targetSeconds, int maxUnits) {
    public static final UnitSizer DEFAULT = new UnitSizer(4, 256);

    public UnitSizer {
        if (!(targetSeconds > 0) || maxUnits < 1) {
            throw new IllegalArgumentException("unit sizer: target " + targetSeconds + " s must be > 0 and max units "
                    + maxUnits + " >= 1");
        }
    }

    /**
     * @param samplesPerSecond the node's reported throughput, pixel samples per second; 0 if unknown
     * @param samplesPerUnit   pixel samples in one unit of the job (tile pixels x samples per unit)
     * @param nodeCap          the node's own cap on units per claim (0 or less: none)
     * @return how many units to lease, at least 1; a node that has not measured itself yet gets 1
     */
    public int unitsFor(double samplesPerSecond, long samplesPerUnit, int nodeCap) {
        int n = 1;
        if (samplesPerSecond > 0 && samplesPerUnit > 0) {
            n = (int) Math.max(1, Math.min(maxUnits, Math.floor(targetSeconds * samplesPerSecond / samplesPerUnit)));
        }
        return nodeCap > 0 ? Math.min(n, nodeCap) : n;
    }
}
