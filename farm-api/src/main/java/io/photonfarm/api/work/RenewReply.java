package io.photonfarm.api.work;

import java.util.List;

/**
 * The answer to a renewal.
 *
 * @param renewed the extended leases
 * @param lost    units whose lease the node no longer holds (taken over, requeued or cancelled): stop
 *                rendering them, their results would be refused
 */
public record RenewReply(List<Lease> renewed, List<WorkUnitKey> lost) {
    public RenewReply {
        renewed = List.copyOf(renewed);
        lost = List.copyOf(lost);
    }
}
