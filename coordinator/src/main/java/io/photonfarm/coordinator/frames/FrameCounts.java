package io.photonfarm.coordinator.frames;

/**
 * A job's frames by progress; taken partition by partition, so a snapshot while the farm runs.
 *
 * @param frames   frames the ledger knows for the job (0 for an unknown job)
 * @param complete frames whose every unit is done (written ones included)
 * @param written  frames whose files are written
 */
public record FrameCounts(int frames, int complete, int written) {
}
