package io.photonfarm.coordinator.annotations;

import io.photonfarm.coordinator.dataset.DatasetLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * A written frame of a job: its directory has {@code meta.json}, the marker the frame assembler
 * writes last. Job-level annotation files are built from written frames only, so a frame whose
 * writer files were written but whose assembly did not finish (a crash) is left out until it is
 * assembled again.
 *
 * @param frame the frame index
 * @param dir   its directory, {@code <jobDir>/frames/NNNNNN}
 */
record WrittenFrame(int frame, Path dir) {

    /** The 6-digit name, e.g. 000042. */
    String name() {
        return DatasetLayout.frameDirName(frame);
    }

    /**
     * The frames that have {@code file} (a writer's per-frame file) and, in frame order, those that
     * do not.
     */
    record Split(List<WrittenFrame> with, List<Integer> without) {
    }

    static Split byFile(List<WrittenFrame> frames, String file) {
        List<WrittenFrame> with = new ArrayList<>();
        List<Integer> without = new ArrayList<>();
        for (WrittenFrame w : frames) {
            if (Files.isRegularFile(w.dir().resolve(file), LinkOption.NOFOLLOW_LINKS)) {
                with.add(w);
            } else {
                without.add(w.frame());
            }
        }
        return new Split(with, without);
    }

    /** The written frames of the job in {@code jobDir}, in frame order; none if it has no frames directory. */
    static List<WrittenFrame> list(Path jobDir) throws IOException {
        Path frames = jobDir.resolve(DatasetLayout.FRAMES);
        List<WrittenFrame> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(frames)) {
            for (Path dir : (Iterable<Path>) s::iterator) {
                OptionalInt index = DatasetLayout.parseFrameDirName(dir.getFileName().toString());
                if (index.isPresent() && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                        && Files.isRegularFile(dir.resolve(DatasetLayout.META_JSON), LinkOption.NOFOLLOW_LINKS)) {
                    out.add(new WrittenFrame(index.getAsInt(), dir));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        out.sort(Comparator.comparingInt(WrittenFrame::frame));
        return out;
    }
}
