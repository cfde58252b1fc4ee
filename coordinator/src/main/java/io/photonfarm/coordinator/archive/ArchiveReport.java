package io.photonfarm.coordinator.archive;

/**
 * What one {@link ArchiveStreamer#stream} call wrote.
 *
 * @param bytesWritten     bytes written to the caller's stream, archive framing and compression included
 * @param entries          files in the archive
 * @param frames           finished frames included
 * @param unfinishedFrames frame directories skipped because they had no {@code meta.json} yet
 * @param refusedFiles     files skipped as unsafe: links, non-regular files, names outside the safe
 *                         pattern, paths resolving outside the job directory (each logged as a warning)
 */
public record ArchiveReport(long bytesWritten, int entries, int frames, int unfinishedFrames, int refusedFiles) {
}
