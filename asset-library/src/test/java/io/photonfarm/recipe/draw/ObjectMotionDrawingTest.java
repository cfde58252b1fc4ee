package io.photonfarm.recipe.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.recipe.BuiltinRecipes;
import io.photonfarm.recipe.RecipeException;
import io.photonfarm.recipe.RecipeJson;
import io.photonfarm.scene.Instance;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Scene;
import io.photonfarm.scene.procedural.ProceduralAssets;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

/** Objects moving through sequences and camera shake, drawn (not rendered). */
class ObjectMotionDrawingTest {
    static final int PER_SEQUENCE = 5;

    static RecipeSampler sampler(String sequenceExtras, String rareCases) {
        return new RecipeSampler(RecipeJson.read(dominoes("{\"framesPerSequence\": " + PER_SEQUENCE
                + ", \"shutterOpen\": 0.25, \"shutterClose\": 0.75" + sequenceExtras + "}", rareCases)),
                new ProceduralAssets(), EnvironmentMaps.NONE);
    }

    /** The built-in dominoes recipe with its sequence and rare cases replaced (null: left out). */
    static String dominoes(String sequence, String rareCases) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode tree = (ObjectNode) json.readTree(RecipeJson.write(BuiltinRecipes.byName("dominoes").orElseThrow()));
            tree.remove("sequence");
            tree.remove("rareCases");
            if (sequence != null) {
                tree.set("sequence", json.readTree(sequence));
            }
            if (rareCases != null) {
                tree.set("rareCases", json.readTree(rareCases));
            }
            return json.writeValueAsString(tree);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final String FAST = ", \"objectMotion\": {\"probability\": 0.8, \"speedM\": {\"min\": 0.004, \"max\": 0.02},"
            + " \"spinDeg\": {\"min\": 0, \"max\": 8}}";

    /** Object-space bounds {minX, minY, minZ, maxX, maxY, maxZ} of a mesh. */
    static float[] bounds(Mesh m) {
        float[] p = m.positions();
        float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < p.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                b[a] = Math.min(b[a], p[i + a]);
                b[a + 3] = Math.max(b[a + 3], p[i + a]);
            }
        }
        return b;
    }

    @Test
    void movingObjectsNeverInterpenetrateAnythingAtAnyExposedTimeOverAThousandFrames() {
        RecipeSampler s = sampler(FAST, null);
        int frames = 0;
        int moving = 0;
        int objects = 0;
        double gap = s.recipe().placementOrDefault().minGapOrDefault();
        for (int f = 0; f < 1000; f++) {
            DrawnScene d = s.draw(17, f);
            Scene scene = d.scene();
            List<DrawnFrame.DrawnObject> drawn = d.frame().objects();
            java.util.Map<Integer, float[]> box = new java.util.HashMap<>();
            for (Instance in : scene.instances()) {
                box.computeIfAbsent(in.mesh(), m -> bounds(scene.meshes().get(m)));
            }
            for (DrawnFrame.DrawnObject a : drawn) {
                Instance ia = scene.instances().get(a.instance());
                objects++;
                moving += a.motion() != null ? 1 : 0;
                if (a.motion() == null) {
                    continue;
                }
                for (double t : new double[] {-0.25, 0, 0.25}) {
                    OrientedBox boxA = OrientedBox.of(box.get(ia.mesh()), ia.objectToWorldAt((float) t));
                    for (DrawnFrame.DrawnObject b : drawn) {
                        if (b == a) {
                            continue;
                        }
                        Instance ib = scene.instances().get(b.instance());
                        OrientedBox boxB = OrientedBox.of(box.get(ib.mesh()), ib.objectToWorldAt((float) t));
                        // Float matrices and the linearised exposure: allow a tenth of the recipe's gap.
                        assertFalse(boxA.overlaps(boxB, gap * 0.1), "frame " + f + ": " + a.name() + " touches " + b.name()
                                + " at time " + t);
                    }
                }
            }
            frames++;
        }
        assertEquals(1000, frames);
        assertTrue(moving > objects / 3, moving + " of " + objects + " objects move");
    }

    @Test
    void aMovingObjectTravelsAtConstantVelocityAndItsInstanceVelocityIsThePosesDerivative() {
        RecipeSampler s = sampler(FAST, null);
        int checked = 0;
        for (int seq = 0; seq < 20; seq++) {
            int first = seq * PER_SEQUENCE;
            DrawnScene[] frames = new DrawnScene[PER_SEQUENCE];
            for (int k = 0; k < PER_SEQUENCE; k++) {
                frames[k] = s.draw(5, first + k);
            }
            for (DrawnFrame.DrawnObject o : frames[0].frame().objects()) {
                if (o.motion() == null) {
                    continue;
                }
                Vector3f[] centres = new Vector3f[PER_SEQUENCE];
                for (int k = 0; k < PER_SEQUENCE; k++) {
                    Instance in = frames[k].scene().instances().get(o.instance());
                    assertEquals(o.motion(), frames[k].frame().objects().get(frames[0].frame().objects().indexOf(o)).motion());
                    float[] b = bounds(frames[k].scene().meshes().get(in.mesh()));
                    centres[k] = in.objectToWorld().transformPosition(new Vector3f((b[0] + b[3]) / 2, (b[1] + b[4]) / 2,
                            (b[2] + b[5]) / 2));
                    assertNotNull(in.velocity(), o.name() + " moves, so its instance has a velocity");
                    if (k > 0 && k < PER_SEQUENCE - 1) {
                        // Central difference of the poses: exact for the translation; for the turn, off by the
                        // factor sin(w)/w, so by at most w^2/6 of an entry (plus float rounding).
                        double w = Math.toRadians(Math.abs(o.motion().spinDeg()));
                        Matrix4f before = new Matrix4f(frames[k - 1].scene().instances().get(o.instance()).objectToWorld());
                        Matrix4f after = new Matrix4f(frames[k + 1].scene().instances().get(o.instance()).objectToWorld());
                        for (int r = 0; r < 3; r++) {
                            for (int c = 0; c < 4; c++) {
                                double diff = (after.getRowColumn(r, c) - before.getRowColumn(r, c)) / 2;
                                assertEquals(diff, in.velocity().getRowColumn(r, c), Math.abs(diff) * w * w / 6 * 1.01 + 2e-6,
                                        o.name() + " entry " + r + "," + c);
                            }
                        }
                    }
                }
                for (int k = 1; k < PER_SEQUENCE; k++) {
                    assertEquals(o.motion().vx(), centres[k].x - centres[k - 1].x, 1e-5, o.name() + " x step " + k);
                    assertEquals(o.motion().vz(), centres[k].z - centres[k - 1].z, 1e-5, o.name() + " z step " + k);
                    assertEquals(0, centres[k].y - centres[k - 1].y, 1e-5, o.name() + " stays on the support");
                }
                checked++;
            }
        }
        assertTrue(checked > 20, "moving objects checked: " + checked);
    }

    @Test
    void withoutAShutterObjectsStillMoveBetweenFramesButCarryNoVelocity() {
        String json = dominoes("{\"framesPerSequence\": 3" + FAST + "}", null);
        RecipeSampler s = new RecipeSampler(RecipeJson.read(json), new ProceduralAssets(), EnvironmentMaps.NONE);
        DrawnScene a = s.draw(2, 0);
        DrawnScene b = s.draw(2, 1);
        boolean anyMoved = false;
        for (DrawnFrame.DrawnObject o : a.frame().objects()) {
            assertNull(a.scene().instances().get(o.instance()).velocity());
            anyMoved |= !a.scene().instances().get(o.instance()).objectToWorld()
                    .equals(b.scene().instances().get(o.instance()).objectToWorld());
        }
        assertTrue(anyMoved);
        assertNull(a.frame().camera().motion(), "no shutter: an instantaneous exposure");
        assertTrue(s.objectsMove());
    }

    @Test
    void aFrameDrawnAloneEqualsTheSameFrameDrawnAfterOthers() {
        RecipeSampler all = sampler(FAST, null);
        for (int f = 0; f < 12; f++) {
            all.draw(9, f);
        }
        all.draw(9, 6); // frame 7 then reuses the trajectories planned for its sequence
        DrawnScene late = all.draw(9, 7);
        DrawnScene alone = sampler(FAST, null).draw(9, 7);
        assertEquals(late.frame(), alone.frame());
        for (int i = 0; i < late.scene().instances().size(); i++) {
            assertEquals(late.scene().instances().get(i), alone.scene().instances().get(i));
        }
    }

    @Test
    void cameraShakeTurnsTheCameraAboutItsCentreThroughTheDrawnAngle() {
        String json = dominoes(null, "[{\"name\": \"shaky\", \"frequency\": 0.5, \"motionBlur\": true,"
                + " \"blurDeg\": {\"min\": 1, \"max\": 2}}]");
        RecipeSampler s = new RecipeSampler(RecipeJson.read(json), new ProceduralAssets(), EnvironmentMaps.NONE);
        int shaken = 0;
        for (int f = 0; f < 60; f++) {
            DrawnFrame d = s.draw(4, f).frame();
            if (!d.rareCases().contains("shaky")) {
                assertNull(d.camera().motion(), "frame " + f);
                continue;
            }
            shaken++;
            var m = d.camera().motion();
            assertEquals(1, m.shutter(), 0, "without a sequence the exposure is a whole frame interval");
            double turned = Math.toDegrees(Math.sqrt(m.angularVelocity().x() * m.angularVelocity().x()
                    + m.angularVelocity().y() * m.angularVelocity().y() + m.angularVelocity().z() * m.angularVelocity().z()));
            assertTrue(turned >= 1 - 1e-9 && turned <= 2 + 1e-9, "frame " + f + " turns " + turned + " degrees");
            assertEquals(0, MotionMath.moved(d.camera(), 0.5).distance(d.camera().position()), 1e-6, "it turns about its centre");
            Vector3f forward = new Vector3f(d.camera().lookAt()).sub(d.camera().position()).normalize();
            double along = (m.angularVelocity().x() * forward.x + m.angularVelocity().y() * forward.y
                    + m.angularVelocity().z() * forward.z);
            assertEquals(0, along, 1e-6, "the axis lies in the image plane");
            assertEquals(List.of(), d.notRendered());
        }
        assertTrue(shaken > 15 && shaken < 45, shaken + " of 60 frames shaken");
    }

    @Test
    void motionOutsideItsLimitsIsRefusedNamingThePath() {
        String json = dominoes("{\"framesPerSequence\": 900, \"objectMotion\": {\"speedM\": {\"min\": 0.5, \"max\": 0.1}}}",
                "[{\"name\": \"dim\", \"frequency\": 0.5, \"lightScale\": 0.1, \"blurDeg\": {\"min\": 1, \"max\": 2}}]");
        RecipeException e = org.junit.jupiter.api.Assertions.assertThrows(RecipeException.class,
                () -> new RecipeSampler(RecipeJson.read(json), new ProceduralAssets(), EnvironmentMaps.NONE));
        String all = e.getMessage();
        assertTrue(all.contains("sequence.framesPerSequence"), all);
        assertTrue(all.contains("500"), all);
        assertTrue(all.contains("sequence.objectMotion.speedM"), all);
        assertTrue(all.contains("rareCases[0].blurDeg"), all);
    }
}
