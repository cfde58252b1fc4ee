package io.photonfarm.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.api.camera.RefinerSpec;
import io.photonfarm.image.FloatImage;
import io.photonfarm.recipe.draw.DrawRng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainGapReportTest {
    private static final long SEED = 7;
    private static final TargetDomain TARGET = TestImages.SMALL_TARGET;

    private static List<FloatImage> flatShaded() {
        List<FloatImage> frames = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            frames.add(FlatShadedFrames.frame(192, 144, 3, i));
        }
        return frames;
    }

    /**
     * Gaussian noise of {@code sigma} per sample, seeded by frame: what the sensor model adds to real
     * renderings, which the refiners (photometric transfers, not noise models) do not.
     */
    private static FloatImage withNoise(FloatImage img, double sigma, int frame) {
        float[] d = img.data().clone();
        DrawRng rng = DrawRng.of(SEED, frame, "test:noise");
        for (int i = 0; i < d.length; i++) {
            double g = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
            d[i] = (float) Math.max(0, Math.min(1, d[i] + sigma * g));
        }
        return new FloatImage(img.width(), img.height(), img.channels(), d);
    }

    @Test
    void theClassifierTellsCleanRenderingsFromPhotosAndMostlyFailsOnceTheyAreRefined() {
        List<FloatImage> before = flatShaded();
        DomainGapReport.Report clean = DomainGapReport.compare(before, TARGET, SEED);
        List<FloatImage> after = new ArrayList<>();
        try (Refiner fda = Refiners.create(RefinerSpec.fda(0.02), TARGET, null);
             Refiner histogram = Refiners.create(RefinerSpec.histogram(), TARGET, null)) {
            for (int f = 0; f < before.size(); f++) {
                FloatImage refined = Refiners.applyAll(List.of(fda, histogram), before.get(f), SEED, f);
                after.add(withNoise(refined, clean.noiseSigmaTarget(), f));
            }
        }
        DomainGapReport.Report refined = DomainGapReport.compare(after, TARGET, SEED);
        // Measured: 0.998 before, 0.818 after (the photos' content still gives some patches away).
        assertTrue(clean.classifierAccuracy() >= 0.95, "before: " + clean);
        assertTrue(refined.classifierAccuracy() <= clean.classifierAccuracy() - 0.12, "after: " + refined);
        // Measured: 0.160 before, 0.0016 after.
        assertTrue(refined.histogramDistance() < clean.histogramDistance() / 20, "histogram distance " + refined);
        assertTrue(clean.noiseSigmaSynthetic() < clean.noiseSigmaTarget() / 10, "clean renderings are nearly noise-free: " + clean);
        assertEquals(clean.noiseSigmaTarget(), refined.noiseSigmaSynthetic(), 0.3 * clean.noiseSigmaTarget());
        assertEquals(256, clean.patchesPerSet());
        assertEquals(64, clean.patchSize());
    }

    @Test
    void photosComparedWithThemselvesLeaveNoGap() {
        List<FloatImage> photos = new ArrayList<>();
        for (int i = 0; i < TARGET.size(); i++) {
            photos.add(TARGET.photo(i));
        }
        DomainGapReport.Report same = DomainGapReport.compare(photos, TARGET, SEED);
        assertEquals(0, same.histogramDistance(), 1e-9);
        // Different patches of the same photos: chance level within sampling error.
        assertTrue(Math.abs(same.classifierAccuracy() - 0.5) < 0.1, same.toString());
    }

    @Test
    void theReportIsAPureFunctionOfItsInputsAndSeedAndReadsAsJson() throws Exception {
        List<FloatImage> frames = flatShaded().subList(0, 2);
        DomainGapReport.Settings small = new DomainGapReport.Settings(32, 40, 4);
        DomainGapReport.Report a = DomainGapReport.compare(frames, TARGET, 3, small);
        assertEquals(a, DomainGapReport.compare(frames, TARGET, 3, small));
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(a));
        assertEquals(a.classifierAccuracy(), json.get("classifierAccuracy").asDouble());
        assertEquals(4, json.get("folds").asInt());
        assertEquals("power spectrum slope", json.get("features").get(6).asText());
        assertEquals(a, new ObjectMapper().readValue(new ObjectMapper().writeValueAsString(a), DomainGapReport.Report.class));
    }

    @Test
    void greyFramesAreComparedWithThePhotosLuma() {
        FloatImage grey = TestImages.smoothFrame(100, 80, 1, 5);
        DomainGapReport.Report r = DomainGapReport.compare(List.of(grey), TARGET, SEED, new DomainGapReport.Settings(32, 60, 3));
        assertEquals(1, r.channels());
        assertEquals(4, r.features().size());
        assertTrue(r.classifierAccuracy() > 0.5 && r.classifierAccuracy() <= 1, r.toString());
    }

    @Test
    void mixedOrMissingFramesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DomainGapReport.compare(List.of(), TARGET, SEED));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainGapReport.compare(
                List.of(FloatImage.blank(40, 40, 3), FloatImage.blank(40, 40, 1)), TARGET, SEED));
        assertTrue(e.getMessage().contains("mix"), e.getMessage());
    }
}
