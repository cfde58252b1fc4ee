package io.photonfarm.coordinator.dataset;

import io.photonfarm.api.job.JobId;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Where a job's dataset lives on disk, under a root directory:
 *
 * <pre>
 * jobs/&lt;jobId&gt;/job.json                     the resolved job spec
 * jobs/&lt;jobId&gt;/frames/NNNNNN/radiance.exr    linear RGB, 32-bit float
 * jobs/&lt;jobId&gt;/frames/NNNNNN/rgb.png         8-bit sRGB
 * jobs/&lt;jobId&gt;/frames/NNNNNN/meta.json       written last: the frame's "written" marker
 * jobs/&lt;jobId&gt;/spool/NNNNNN/...              uploaded tile results awaiting assembly (never archived)
 * </pre>
 *
 * {@code NNNNNN} is the frame index in 6 decimal digits, so that names sort in frame order. A frame
 * directory without {@code meta.json} is unfinished. Pure path arithmetic: nothing here touches the disk.
 */
public final class DatasetLayout {
    /** The resolved job spec, in the job directory. */
    public static final String JOB_JSON = "job.json";
    /** A recipe job's statistics (class histogram, rare cases), written when its last frame is. */
    public static final String STATS_JSON = "stats.json";
    /** The directory of frame directories, in the job directory. */
    public static final String FRAMES = "frames";
    /** The job-level annotations directory (COCO, BOP, KITTI, YOLO), in the job directory. */
    public static final String ANNOTATIONS = "annotations";
    /** The directory of spooled tile results, in the job directory. */
    public static final String SPOOL = "spool";
    /** Linear radiance, in a frame directory. */
    public static final String RADIANCE_EXR = "radiance.exr";
    /** The sRGB preview, in a frame directory. */
    public static final String RGB_PNG = "rgb.png";
    /** The frame's metadata, written last, in a frame directory. */
    public static final String META_JSON = "meta.json";
    /** The most frames a 6-digit directory name can hold. */
    public static final int MAX_FRAMES = 1_000_000;

    private static final Pattern FRAME_DIR = Pattern.compile("[0-9]{6}");

    private final Path root;

    /** @param root the dataset root; jobs live in {@code root/jobs} */
    public DatasetLayout(Path root) {
        if (root == null) {
            throw new IllegalArgumentException("dataset layout: root must be set");
        }
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path jobDir(JobId job) {
        // JobId's alphabet has no separators and no leading dot, so this cannot leave jobs/.
        return root.resolve("jobs").resolve(job.value());
    }

    public Path jobJson(JobId job) {
        return jobDir(job).resolve(JOB_JSON);
    }

    public Path framesDir(JobId job) {
        return jobDir(job).resolve(FRAMES);
    }

    public Path frameDir(JobId job, int frame) {
        return framesDir(job).resolve(frameDirName(frame));
    }

    public Path radianceExr(JobId job, int frame) {
        return frameDir(job, frame).resolve(RADIANCE_EXR);
    }

    public Path rgbPng(JobId job, int frame) {
        return frameDir(job, frame).resolve(RGB_PNG);
    }

    public Path metaJson(JobId job, int frame) {
        return frameDir(job, frame).resolve(META_JSON);
    }

    public Path spoolDir(JobId job) {
        return jobDir(job).resolve(SPOOL);
    }

    public Path frameSpoolDir(JobId job, int frame) {
        return spoolDir(job).resolve(frameDirName(frame));
    }

    /** The 6-digit name of a frame's directory, e.g. {@code 000042}. */
    public static String frameDirName(int frame) {
        if (frame < 0 || frame >= MAX_FRAMES) {
            throw new IllegalArgumentException("frame " + frame + ": the dataset layout holds frames 0.." + (MAX_FRAMES - 1));
        }
        String digits = Integer.toString(frame); // String.format costs more than the rest of an upload's path work
        return "000000".substring(digits.length()) + digits;
    }

    /** The frame index a directory name stands for, or empty if it is not a frame directory name. */
    public static OptionalInt parseFrameDirName(String name) {
        return FRAME_DIR.matcher(name).matches() ? OptionalInt.of(Integer.parseInt(name)) : OptionalInt.empty();
    }
}
