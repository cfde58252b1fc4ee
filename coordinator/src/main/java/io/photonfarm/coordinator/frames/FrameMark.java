package io.photonfarm.coordinator.frames;

/** Where a frame stands after one of its units was marked done. */
public enum FrameMark {
    /** This call marked the frame's last missing unit: the caller assembles the frame. */
    COMPLETED,
    /** Other units of the frame are still missing. */
    PENDING,
    /**
     * The frame was complete before this call and is not written yet: a unit rendered again after a
     * crash, whose frame's assembly was waiting for it.
     */
    COMPLETE_UNWRITTEN,
    /** The frame is written already: this unit's result is not needed. */
    WRITTEN
}
