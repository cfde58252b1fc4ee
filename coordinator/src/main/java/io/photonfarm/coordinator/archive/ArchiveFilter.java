package io.photonfarm.coordinator.archive;

import io.photonfarm.coordinator.dataset.DatasetLayout;
import java.util.Set;

/**
 * Which part of a job's dataset an archive holds: frames {@code [firstFrame, lastFrame]}, and of
 * each, only the files named in {@code frameFiles} (all of them when it is empty). Job-level files
 * such as {@code job.json} are always included: they are small and describe what the frames are.
 *
 * @param firstFrame the first frame index included, from 0
 * @param lastFrame  the last frame index included (inclusive)
 * @param frameFiles file names within a frame directory, e.g. {@code rgb.png}; empty for all
 */
public record ArchiveFilter(int firstFrame, int lastFrame, Set<String> frameFiles) {
    /** The whole dataset. */
    public static final ArchiveFilter ALL = new ArchiveFilter(0, DatasetLayout.MAX_FRAMES - 1, Set.of());

    public ArchiveFilter {
        if (firstFrame < 0 || lastFrame < firstFrame) {
            throw new IllegalArgumentException("archive filter: frames " + firstFrame + ".." + lastFrame
                    + " must be a non-empty range from 0");
        }
        frameFiles = Set.copyOf(frameFiles);
        for (String name : frameFiles) {
            if (!EntryNames.isSafeComponent(name)) {
                throw new IllegalArgumentException("archive filter: file name '" + name + "' is not a plain file name "
                        + "(letters, digits, '.', '_', '-', not starting with '.')");
            }
        }
    }

    public boolean includesFrame(int frame) {
        return frame >= firstFrame && frame <= lastFrame;
    }

    public boolean includesFrameFile(String name) {
        return frameFiles.isEmpty() || frameFiles.contains(name);
    }
}
