package io.photonfarm.scene.procedural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.Symmetries;
import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4d;
import org.joml.Matrix4dc;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

/**
 * The symmetries every built-in procedural class declares are true of its mesh: shape and material
 * slots (a domino's pips) both. A symmetry written into a dataset that is not one would teach a
 * pose estimator that two different-looking poses are the same.
 */
class ProceduralSymmetriesTest {
    /** Angles at which continuous symmetries are tried, degrees: none a multiple of a tessellation step. */
    private static final double[] SAMPLED_DEG = {17, 90, 133.3, 180, 251};
    /**
     * How far a vertex turned about a continuous axis may lie from the faceted surface, metres: above
     * the chord error of these meshes (a 40 mm sphere of 32 x 16 quads: about 0.4 mm), far below what
     * a wrong axis or offset moves a vertex (tens of millimetres).
     */
    private static final double SURFACE_TOLERANCE = 6e-4;

    private final ProceduralAssets assets = new ProceduralAssets();

    private List<ProceduralModel> everyModel() {
        List<ProceduralModel> out = new ArrayList<>();
        ProceduralAssets.catalogue().forEach((ref, classes) -> classes.forEach(c -> out.add(assets.model(ref, c).orElseThrow())));
        return out;
    }

    private static Matrix4dc turn(Symmetries.Continuous c, double deg) {
        return new Symmetries.Discrete(c.axis(), deg, c.through()).transformExact();
    }

    @Test
    void everyDiscreteSymmetryOfEveryProceduralClassMapsEachVertexOntoAVertexOfTheSameMaterialSlots() {
        int checked = 0;
        for (ProceduralModel m : everyModel()) {
            MeshSymmetryCheck check = new MeshSymmetryCheck(m.mesh());
            // The whole group, as models_info.json lists it: the declared transforms come first.
            for (Matrix4dc s : m.symmetries().discreteGroup()) {
                assertNull(check.firstVertexOff(s), m.className() + " under " + s);
                checked++;
            }
        }
        // 7 doubles x 1, box 3, can 1, torus 1.
        assertEquals(12, checked);
    }

    @Test
    void everyContinuousSymmetryKeepsEveryVertexOnTheSurfaceAtSampledAngles() {
        int checked = 0;
        for (ProceduralModel m : everyModel()) {
            MeshSymmetryCheck check = new MeshSymmetryCheck(m.mesh());
            for (Symmetries.Continuous c : m.symmetries().continuous()) {
                for (double deg : SAMPLED_DEG) {
                    double off = check.farthestFromSurface(turn(c, deg));
                    assertTrue(off <= SURFACE_TOLERANCE, m.className() + " turned " + deg + " deg about " + c + ": a vertex lies "
                            + off * 1000 + " mm off the surface");
                }
                checked++;
            }
        }
        // can 1, sphere 3, torus 1.
        assertEquals(5, checked);
    }

    @Test
    void theDeclaredSymmetriesAreTheExpectedOnesForEachKindOfObject() {
        for (String cls : Dominoes.classNames()) {
            int[] p = Dominoes.pips(cls);
            Symmetries s = assets.model("procedural:domino", cls).orElseThrow().symmetries();
            assertEquals(p[0] == p[1] ? 1 : 0, s.discrete().size(), cls);
            assertTrue(s.continuous().isEmpty(), cls);
        }
        assertEquals(3, Primitives.box().symmetries().discreteGroup().size());
        assertEquals(1, Primitives.can().symmetries().discreteGroup().size());
        assertEquals(3, Primitives.sphere().symmetries().continuous().size());
        assertEquals(1, Primitives.torus().symmetries().continuous().size());
    }

    @Test
    void aHalfTurnOfATileWithDifferentHalvesIsRejectedByItsPipsThoughItsBodyWouldAllowIt() {
        Matrix4dc halfTurnY = Symmetries.halfTurn(0, 1, 0, 0, 0, 0).transformExact();
        String off = new MeshSymmetryCheck(Dominoes.model(1, 2).mesh()).firstVertexOff(halfTurnY);
        assertNotNull(off, "domino 1-2 is not symmetric under a half turn");
        assertNull(new MeshSymmetryCheck(Dominoes.model(0, 0).mesh()).firstVertexOff(halfTurnY), "0-0 is");
        // The 0-0 tile differs only by its divider and body, so a shifted axis must be caught too.
        assertNotNull(new MeshSymmetryCheck(Dominoes.model(0, 0).mesh())
                .firstVertexOff(Symmetries.halfTurn(0, 1, 0, 0.001f, 0, 0).transformExact()));
        // A half turn about x would swap the top (pips) and the bottom (none).
        assertNotNull(new MeshSymmetryCheck(Dominoes.model(3, 3).mesh())
                .firstVertexOff(Symmetries.halfTurn(1, 0, 0, 0, Dominoes.THICKNESS / 2, 0).transformExact()));
    }

    @Test
    void wrongAxesOffsetsAndAnglesAreRejected() {
        MeshSymmetryCheck box = new MeshSymmetryCheck(Primitives.box().mesh());
        // Through the origin (the bottom face's centre) instead of the centre: the box would end below y = 0.
        assertNotNull(box.firstVertexOff(Symmetries.halfTurn(1, 0, 0, 0, 0, 0).transformExact()));
        // 80 x 60 mm in x and z: a quarter turn about y is no symmetry.
        assertNotNull(box.firstVertexOff(new Symmetries.Discrete(new Vector3f(0, 1, 0), 90, new Vector3f(0, 0.025f, 0))
                .transformExact()));
        MeshSymmetryCheck can = new MeshSymmetryCheck(Primitives.can().mesh());
        assertTrue(can.farthestFromSurface(turn(Symmetries.about(1, 0, 0, 0, 0.06f, 0), 90)) > 0.01, "a can is not round about x");
        MeshSymmetryCheck sphere = new MeshSymmetryCheck(Primitives.sphere().mesh());
        assertTrue(sphere.farthestFromSurface(turn(Symmetries.about(1, 0, 0, 0, 0, 0), 90)) > 0.01,
                "a sphere resting on y = 0 turns about its centre, not about the origin");
        MeshSymmetryCheck torus = new MeshSymmetryCheck(Primitives.torus().mesh());
        assertFalse(torus.farthestFromSurface(turn(Symmetries.about(0, 0, 1, 0, 0, 0), 90)) <= SURFACE_TOLERANCE);
    }

    @Test
    void theDiscreteGroupClosesTheDeclaredTurnsUnderComposition() {
        Vector3f y = new Vector3f(0, 1, 0);
        Vector3f centre = new Vector3f(0, 0.02f, 0);
        List<Symmetries.Discrete> quarterTurns = new ArrayList<>(Symmetries.turns(y, 4, centre));
        assertEquals(List.of(90.0, 180.0, 270.0), quarterTurns.stream().map(Symmetries.Discrete::angleDeg).toList());
        assertEquals(3, new Symmetries(quarterTurns, List.of()).discreteGroup().size());
        // A square prism: four quarter turns about y and a half turn about x make the dihedral group of order 8.
        quarterTurns.add(Symmetries.halfTurn(1, 0, 0, 0, 0.02f, 0));
        List<Matrix4dc> d4 = new Symmetries(quarterTurns, List.of()).discreteGroup();
        assertEquals(7, d4.size());
        for (Matrix4dc g : d4) {
            // Every element keeps the centre where it is (0.02f in float), and is no identity.
            assertEquals(0, g.transformPosition(new org.joml.Vector3d(0, 0.02, 0)).distance(0, 0.02, 0), 1e-8);
            assertFalse(g.equals(new Matrix4d(), 1e-6));
        }
        assertThrows(IllegalStateException.class, () -> new Symmetries(List.of(
                new Symmetries.Discrete(y, 360.0 / 7, centre), new Symmetries.Discrete(new Vector3f(1, 0, 0), 360.0 / 5, centre)),
                List.of()).discreteGroup());
        assertThrows(IllegalArgumentException.class, () -> Symmetries.turns(y, 1, centre));
    }
}
