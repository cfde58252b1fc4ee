package io.photonfarm.coordinator.camera;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.camera.CameraModel;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.coordinator.dataset.DatasetLayout;
import io.photonfarm.coordinator.jobs.JobRecord;
import io.photonfarm.image.AtomicWrites;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import io.photonfarm.refine.DomainGapReport;
import io.photonfarm.refine.TargetDomain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's domain-gap report: how far its frames are from its target photographs, before and after
 * the job's refiners ({@link DomainGapReport}: colour histogram distance, power-spectrum slope,
 * noise level, and a real-vs-synthetic classifier's cross-validated accuracy).
 *
 * <p>"Before" is each sampled frame's image as the sensor made it, re-developed from the frame's
 * {@code radiance.exr} with the same draws; "after" is that image through the refiners, which is
 * exactly the frame's {@code rgb.png}. Up to {@value #MAX_FRAMES} written frames, evenly spread, are
 * compared. Once every frame of the job is written the report is kept in the job's
 * {@value #FILE}, and served from there.
 */
public final class DomainGap {
    public static final String FILE = "domain-gap.json";
    static final int MAX_FRAMES = 12;

    private final DatasetLayout layout;
    private final CameraDevelopment development;
    private final ObjectMapper json;

    /**
     * The report.
     *
     * @param job          the job id
     * @param targetDomain the photo set compared against
     * @param frames       the frames compared
     * @param complete     whether every frame of the job was written (then the report is final)
     * @param before       the frames as the sensor made them
     * @param after        the frames after the refiners, or null when the job has none
     */
    public record Result(String job, String targetDomain, List<Integer> frames, boolean complete,
            DomainGapReport.Report before, DomainGapReport.Report after) {
    }

    public DomainGap(DatasetLayout layout, CameraDevelopment development, ObjectMapper json) {
        this.layout = layout;
        this.development = development;
        this.json = json;
    }

    /**
     * @throws IllegalArgumentException if the job names no target domain or has no written frame yet
     */
    public synchronized Result report(JobRecord job) throws IOException {
        Path kept = layout.jobDir(job.jobId()).resolve(FILE);
        if (Files.isRegularFile(kept)) {
            return json.readValue(kept.toFile(), Result.class);
        }
        JobSpec spec = job.spec();
        CameraModel model = spec.camera();
        if (model == null || model.targetDomain() == null) {
            throw new IllegalArgumentException("job " + job.jobId() + " names no target domain (camera.targetDomain): "
                    + "there is nothing to compare its frames with");
        }
        List<Integer> frames = new ArrayList<>();
        for (int f = 0; f < spec.frames(); f++) {
            if (Files.isRegularFile(layout.metaJson(job.jobId(), f))) {
                frames.add(f);
            }
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("job " + job.jobId() + " has no written frame yet");
        }
        List<Integer> chosen = spread(frames);
        List<FloatImage> before = new ArrayList<>();
        List<FloatImage> after = new ArrayList<>();
        for (int f : chosen) {
            FloatImage linear = Images.readExr(layout.radianceExr(job.jobId(), f));
            FloatImage unrefined = development.unrefined(job.jobId(), model, spec.seed(), f, linear);
            before.add(unrefined);
            if (!model.refiners().isEmpty()) {
                after.add(development.refined(job.jobId(), model, spec.seed(), f, unrefined));
            }
        }
        TargetDomain target = development.target(job.jobId(), model);
        // Before and after on the same patch positions, so the difference is the refiners' alone.
        DomainGapReport.Comparison both = after.isEmpty() ? null : DomainGapReport.beforeAndAfter(before, after, target, spec.seed());
        Result result = new Result(job.jobId().value(), model.targetDomain(), chosen, frames.size() == spec.frames(),
                both == null ? DomainGapReport.compare(before, target, spec.seed()) : both.before(), both == null ? null : both.after());
        if (result.complete()) {
            AtomicWrites.write(kept, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(result));
        }
        return result;
    }

    /** Up to MAX_FRAMES of {@code frames}, evenly spread, first and last included. */
    static List<Integer> spread(List<Integer> frames) {
        if (frames.size() <= MAX_FRAMES) {
            return frames;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < MAX_FRAMES; i++) {
            out.add(frames.get((int) Math.round(i * (frames.size() - 1) / (double) (MAX_FRAMES - 1))));
        }
        return out;
    }
}
