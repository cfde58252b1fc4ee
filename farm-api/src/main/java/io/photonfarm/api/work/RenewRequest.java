package io.photonfarm.api.work;

import java.util.List;

/** The leases a node asks to extend ({@code POST /api/v1/nodes/{nodeId}/renew}). */
public record RenewRequest(List<LeaseRef> leases) {
    public RenewRequest {
        leases = List.copyOf(leases);
    }
}
