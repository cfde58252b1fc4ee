package io.photonfarm.api.work;

/** One unit a claim leased to a node, with what the node needs to render it. */
public record WorkGrant(Assignment assignment, FrameSpec frame) {
    public WorkGrant {
        if (assignment == null || frame == null || !assignment.unit().key().jobId().equals(frame.jobId())
                || assignment.unit().key().frame() != frame.frame()) {
            throw new IllegalArgumentException("work grant " + (assignment == null ? null : assignment.unit().key())
                    + ": assignment and frame must be set and name the same job and frame");
        }
    }
}
