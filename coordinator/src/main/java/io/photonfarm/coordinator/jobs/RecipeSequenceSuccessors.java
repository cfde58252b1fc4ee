package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.work.FrameSpec;
import io.photonfarm.coordinator.dataset.FrameJob;
import io.photonfarm.coordinator.labels.FrameSuccessors;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.recipe.Recipe;
import java.util.Optional;

/**
 * The successors of recipe frames whose recipe asks for {@code sequence.opticalFlow}: frame k + 1
 * when it exists in the job and belongs to frame k's sequence. Its scene and camera are derived
 * exactly as for its own assembly: the scene drawn from (recipe, seed, k + 1) and the calibration of
 * {@link JobCatalog#frame}'s camera (the drawn camera with the job's lens), so the flow agrees with
 * what frame k + 1's files will say whichever of the two frames is assembled first.
 */
public final class RecipeSequenceSuccessors implements FrameSuccessors {
    private final JobCatalog jobs;
    private final SceneCatalog scenes;

    public RecipeSequenceSuccessors(JobCatalog jobs, SceneCatalog scenes) {
        this.jobs = jobs;
        this.scenes = scenes;
    }

    @Override
    public Optional<Successor> of(FrameJob frame) {
        FrameJob.LabelRequest request = frame.labels();
        if (request == null || request.recipe() == null) {
            return Optional.empty();
        }
        Recipe recipe = scenes.sampler(request.recipe()).recipe();
        if (recipe.sequence() == null || !Boolean.TRUE.equals(recipe.sequence().opticalFlow())) {
            return Optional.empty();
        }
        int k = frame.frame();
        int perSequence = recipe.framesPerSequence();
        if ((k + 1) % perSequence == 0) {
            return Optional.of(new Last("frame " + k + " is the last of its sequence (frames " + (k + 1 - perSequence)
                    + ".." + k + "): no frame follows it to flow into"));
        }
        var job = jobs.get(frame.jobId()).orElseThrow(() -> new IllegalStateException(
                "forward flow of frame " + frame + ": job " + frame.jobId() + " is unknown"));
        JobSpec spec = job.spec();
        if (k + 1 >= spec.frames()) {
            return Optional.of(new Last("frame " + k + " is the last frame of the job (" + spec.frames()
                    + " frames), before its sequence ends: no frame follows it to flow into"));
        }
        FrameSpec next = jobs.frame(job, k + 1);
        return Optional.of(new Next(k + 1, scenes.drawn(request.recipe(), frame.seed(), k + 1).scene(),
                PinholeCalibration.of(next.camera(), spec.width(), spec.height())));
    }
}
