package io.photonfarm.api.work;

import java.util.List;

/**
 * The answer to a claim ({@code POST /api/v1/nodes/{nodeId}/claim}): the units leased to the node,
 * in the order to render them, or none if no work came before the long poll ended. The coordinator
 * sizes the batch to the node's measured throughput, so a batch takes a few seconds on any device.
 */
public record ClaimReply(List<WorkGrant> grants) {
    public ClaimReply {
        grants = List.copyOf(grants);
    }
}
