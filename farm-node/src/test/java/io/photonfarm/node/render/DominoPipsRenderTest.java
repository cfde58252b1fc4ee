package io.photonfarm.node.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.tile.LabelRecord;
import io.photonfarm.labels.LandmarkAnnotation;
import io.photonfarm.labels.LandmarkVisibility;
import io.photonfarm.labels.ObjectAnnotation;
import io.photonfarm.labels.PinholeCalibration;
import io.photonfarm.labels.SceneLabels;
import io.photonfarm.labels.annotate.FrameAnnotator;
import io.photonfarm.recipe.BuiltinRecipes;
import io.photonfarm.recipe.draw.DrawnScene;
import io.photonfarm.recipe.draw.EnvironmentMaps;
import io.photonfarm.recipe.draw.RecipeSampler;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.procedural.Dominoes;
import io.photonfarm.scene.procedural.ProceduralAssets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default "count the domino pips" recipe renders on the device, and every pip landmark the
 * annotator calls visible projects onto that domino's pip: the pixel holding the landmark's
 * projection shows (through its pixel-centre label record) that domino's instance and the pip
 * material's albedo. 256 x 256 so that a pip (4.2 mm across) covers a few pixels at the recipe's
 * camera distances; one sample per pixel (labels come from the pixel-centre ray).
 */
class DominoPipsRenderTest {
    static final int W = 256;
    static final int H = 256;
    static RenderFixture fx;

    @BeforeAll
    static void device() {
        fx = new RenderFixture(1);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @Test
    void visiblePipLandmarksOfTheDefaultDominoJobFallOnTheirPips() {
        RecipeSampler sampler = new RecipeSampler(BuiltinRecipes.byName("dominoes").orElseThrow(), new ProceduralAssets(),
                EnvironmentMaps.NONE);
        int checked = 0;
        for (int frame = 0; frame < 4; frame++) {
            DrawnScene d = sampler.draw(1, frame);
            Scene scene = d.scene();
            FrameSettings settings = new FrameSettings(W, H, frame, 1, 2, true, 3, scene.camera().orElseThrow(), true);
            FrameBuffer fb;
            try (GpuScene gpu = fx.load(scene)) {
                fb = fx.render(gpu, settings, 1);
            }
            int[] words = fb.labels();
            int[] instancePass = new int[W * H];
            for (int p = 0; p < W * H; p++) {
                instancePass[p] = words[p * LabelRecord.WORDS + LabelRecord.INSTANCE];
            }
            PinholeCalibration cal = PinholeCalibration.of(scene.camera().orElseThrow(), W, H);
            var objects = new FrameAnnotator().annotate(scene, SceneLabels.of(scene), cal, W, H, instancePass);
            for (ObjectAnnotation o : objects.objects()) {
                assertTrue(o.category().startsWith("domino_"), o.category());
                int[] pips = Dominoes.pips(o.category());
                long pipLandmarks = o.landmarks().stream().filter(l -> l.name().startsWith("pip_")).count();
                assertEquals(pips[0] + pips[1], pipLandmarks, o.name());
                for (LandmarkAnnotation l : o.landmarks()) {
                    if (!l.name().startsWith("pip_") || l.visibility() != LandmarkVisibility.VISIBLE) {
                        continue;
                    }
                    int px = (int) Math.floor(l.pixel()[0]);
                    int py = (int) Math.floor(l.pixel()[1]);
                    int at = (py * W + px) * LabelRecord.WORDS;
                    assertEquals(o.instanceId(), words[at + LabelRecord.INSTANCE],
                            "frame " + frame + " " + o.name() + " " + l.name() + " at pixel " + px + "," + py);
                    int materialId = words[at + LabelRecord.MATERIAL];
                    Material m = scene.materials().get(materialId - 1);
                    assertTrue(m.name().endsWith("_pips"), "frame " + frame + " " + l.name() + " shows material " + m.name());
                    for (int c = 0; c < 3; c++) {
                        float albedo = Float.intBitsToFloat(words[at + LabelRecord.ALBEDO + c]);
                        float expected = c == 0 ? m.baseColor().r() : c == 1 ? m.baseColor().g() : m.baseColor().b();
                        assertEquals(expected, albedo, 1e-6f, "frame " + frame + " " + l.name() + " albedo channel " + c);
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked >= 20, "only " + checked + " visible pip landmarks were checked");
    }
}
