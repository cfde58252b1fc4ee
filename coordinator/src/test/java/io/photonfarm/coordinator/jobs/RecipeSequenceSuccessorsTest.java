package io.photonfarm.coordinator.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.work.FrameSpec;
import io.photonfarm.coordinator.camera.CameraModels;
import io.photonfarm.coordinator.dataset.FrameJob;
import io.photonfarm.coordinator.labels.FrameSuccessors;
import io.photonfarm.labels.PinholeCalibration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Which frames of a job get forward flow, and into what: frame k + 1 of the same sequence, with the
 * scene and camera that frame is assembled with.
 */
class RecipeSequenceSuccessorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SceneCatalog scenes = new SceneCatalog();
    private final JobCatalog jobs = new JobCatalog(new ConcurrentHashMap<>(), scenes, JobLimits.DEFAULT,
            new CameraModels(ref -> List.of(), ref -> null));

    private JobRecord submit(String id, int frames, String sequence) throws Exception {
        String recipe = """
                {"version": 1, "objects": [{"asset": "procedural:box", "count": {"min": 2, "max": 2}}],
                 "sequence": %s}""".formatted(sequence);
        JobRecord job = jobs.prepare(new JobRequest(id, null, frames, 40, 30, 1, null, 9L, null, null, null, null,
                List.of("instance"), List.of(), JSON.readTree(recipe), null), 0);
        assertTrue(jobs.store(job));
        return job;
    }

    private FrameJob frame(JobRecord job, int k) {
        FrameSpec f = jobs.frame(job, k);
        return new FrameJob(job.jobId(), k, 40, 30, 1, job.spec().seed(), f.camera(),
                new FrameJob.LabelRequest(job.spec().sceneRef(), Set.of(), Set.of(), f.recipe()));
    }

    @Test
    void eachFrameFlowsIntoTheNextOfItsSequenceAndTheLastOfASequenceOrOfTheJobSaysWhyNot() throws Exception {
        JobRecord job = submit("seq", 5, "{\"framesPerSequence\": 3, \"opticalFlow\": true}");
        RecipeSequenceSuccessors successors = new RecipeSequenceSuccessors(jobs, scenes);
        for (int k : new int[] {0, 1, 3}) {
            FrameSuccessors.Next next = assertInstanceOf(FrameSuccessors.Next.class, successors.of(frame(job, k)).orElseThrow());
            assertEquals(k + 1, next.frame());
            PinholeCalibration expected = PinholeCalibration.of(jobs.frame(job, k + 1).camera(), 40, 30);
            assertArrayEquals(expected.cameraCentre(), next.calibration().cameraCentre(), 0, "frame " + (k + 1) + "'s camera");
            assertEquals(expected.fx(), next.calibration().fx(), 0);
            assertSame(scenes.drawn(scenes.recipeText(job.spec()), 9L, k + 1).scene(), next.scene(),
                    "frame " + (k + 1) + "'s scene as its own labels draw it");
        }
        FrameSuccessors.Last endOfSequence = assertInstanceOf(FrameSuccessors.Last.class,
                successors.of(frame(job, 2)).orElseThrow());
        assertTrue(endOfSequence.reason().contains("last of its sequence (frames 0..2)"), endOfSequence.reason());
        FrameSuccessors.Last endOfJob = assertInstanceOf(FrameSuccessors.Last.class, successors.of(frame(job, 4)).orElseThrow());
        assertTrue(endOfJob.reason().contains("last frame of the job (5 frames)"), endOfJob.reason());
    }

    @Test
    void aSequenceThatDoesNotAskForFlowGetsNone() throws Exception {
        JobRecord job = submit("still", 3, "{\"framesPerSequence\": 3}");
        assertEquals(Optional.empty(), new RecipeSequenceSuccessors(jobs, scenes).of(frame(job, 0)));
    }
}
