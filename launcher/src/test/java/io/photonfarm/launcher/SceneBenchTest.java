package io.photonfarm.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SceneBenchTest {
    @Test
    void theSceneBenchmarkPrintsItsFiguresWithMachineAndSettings() {
        FarmCommandTest.Run r = FarmCommandTest.farm("bench", "scenes", "--recipe", "dominoes", "--frames", "12");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("machine: "), r.out());
        assertTrue(r.out().contains("settings: recipe:dominoes"), r.out());
        assertTrue(r.out().contains("draw + pack per frame: median "), r.out());
        assertTrue(r.out().contains("heap used after a full GC: frame 12: "), r.out());
    }

    @Test
    void theMovingVariantDrawsSequencesWhoseEveryFrameIsAScene() {
        FarmCommandTest.Run r = FarmCommandTest.farm("bench", "scenes", "--recipe", "dominoes", "--frames", "12", "--moving");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("settings: recipe:dominoes in moving sequences of 10, shutter 0.5"), r.out());
        assertTrue(r.out().contains("draw + pack per frame: median "), r.out());
    }

    @Test
    void anUnknownRecipeIsRefusedByName() {
        FarmCommandTest.Run r = FarmCommandTest.farm("bench", "scenes", "--recipe", "teapots", "--frames", "1");
        assertTrue(r.exit() != 0);
        assertTrue((r.out() + r.err()).contains("no built-in recipe 'teapots'"), r.out() + r.err());
    }
}
