package io.photonfarm.scene.procedural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.scene.Landmark;
import io.photonfarm.scene.Mesh;
import io.photonfarm.scene.Symmetries;
import java.util.ArrayList;
import java.util.List;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class ProceduralModelsTest {
    private final ProceduralAssets assets = new ProceduralAssets();

    private List<ProceduralModel> everyModel() {
        List<ProceduralModel> out = new ArrayList<>();
        for (String ref : ProceduralAssets.refs()) {
            for (String cls : ProceduralAssets.classes(ref)) {
                out.add(assets.model(ref, cls).orElseThrow());
            }
        }
        return out;
    }

    @Test
    void thereAreTwentyEightDominoClassesFromZeroZeroToSixSix() {
        List<String> classes = ProceduralAssets.classes("procedural:domino");
        assertEquals(28, classes.size());
        assertEquals("domino_0_0", classes.get(0));
        assertEquals("domino_6_6", classes.get(27));
        assertEquals(28, classes.stream().distinct().count());
    }

    @Test
    void everyDominoHasFourCornerLandmarksAndOnePerPip() {
        for (int a = 0; a <= 6; a++) {
            for (int b = a; b <= 6; b++) {
                ProceduralModel m = Dominoes.model(a, b);
                List<Landmark> points = m.mesh().landmarks().points();
                assertEquals(4 + a + b, points.size(), m.className());
                int finalA = a;
                assertEquals(a, points.stream().filter(p -> p.name().startsWith("pip_a_")).count(), m.className());
                assertEquals(b, points.stream().filter(p -> p.name().startsWith("pip_b_")).count(), m.className());
                // Half a is the -x half, half b the +x half.
                assertTrue(points.stream().filter(p -> p.name().startsWith("pip_a_")).allMatch(p -> p.position().x() < 0));
                assertTrue(points.stream().filter(p -> p.name().startsWith("pip_b_")).allMatch(p -> p.position().x() > 0));
                assertEquals(finalA, Dominoes.pips(m.className())[0]);
            }
        }
    }

    @Test
    void everyLandmarkLiesOnItsModelsSurface() {
        for (ProceduralModel m : everyModel()) {
            for (Landmark l : m.mesh().landmarks().points()) {
                double d = MeshChecks.distanceToSurface(m.mesh(), new Vector3f(l.position()));
                assertTrue(d < 1e-6, m.className() + " landmark " + l.name() + " is " + d + " m from the surface");
            }
        }
    }

    @Test
    void everyModelIsClosedOutwardWoundAndWithoutDegenerateTriangles() {
        for (ProceduralModel m : everyModel()) {
            Mesh mesh = m.mesh();
            assertEquals(0, MeshChecks.unmatchedEdges(mesh), m.className() + ": edges without exactly one opposite edge");
            assertEquals(0, MeshChecks.facesAgainstNormals(mesh), m.className() + ": faces wound against their normals");
            assertEquals(0, MeshChecks.degenerateTriangles(mesh), m.className() + ": degenerate triangles");
            assertTrue(MeshChecks.signedVolume(mesh) > 0, m.className() + ": negative volume");
        }
    }

    @Test
    void everyModelRestsOnTheGroundCentredOnTheVerticalAxis() {
        for (ProceduralModel m : everyModel()) {
            float[] b = m.bounds();
            assertEquals(0f, b[1], 1e-7f, m.className() + " bottom");
            assertEquals(0f, (b[0] + b[3]) / 2, 1e-4f, m.className() + " x centre");
            assertEquals(0f, (b[2] + b[5]) / 2, 1e-4f, m.className() + " z centre");
        }
    }

    @Test
    void aDominoMeasuresWhatItsConstantsSay() {
        float[] b = Dominoes.model(3, 5).bounds();
        assertEquals(Dominoes.LENGTH, b[3] - b[0], 1e-6f);
        assertEquals(Dominoes.WIDTH, b[5] - b[2], 1e-6f);
        assertEquals(Dominoes.THICKNESS + Dominoes.PIP_RISE, b[4] - b[1], 1e-6f);
    }

    @Test
    void onlyDoubleDominoesDeclareAHalfTurnSymmetry() {
        for (String cls : Dominoes.classNames()) {
            int[] p = Dominoes.pips(cls);
            Symmetries s = Dominoes.model(p[0], p[1]).symmetries();
            assertEquals(p[0] == p[1] ? 1 : 0, s.discrete().size(), cls);
            assertTrue(s.continuous().isEmpty(), cls);
        }
    }

    @Test
    void aDoubleDominosHalfTurnMapsItsPipLandmarksOntoPipLandmarks() {
        ProceduralModel m = Dominoes.model(5, 5);
        var t = m.symmetries().discrete().get(0).transform();
        List<Vector3f> pips = m.mesh().landmarks().points().stream().filter(l -> l.name().startsWith("pip_"))
                .map(l -> new Vector3f(l.position())).toList();
        for (Vector3f p : pips) {
            Vector3f q = t.transformPosition(new Vector3f(p));
            assertTrue(pips.stream().anyMatch(o -> o.distance(q) < 1e-6f), "pip " + p + " maps to " + q);
        }
    }

    @Test
    void symmetriesOfRoundShapesAreContinuousAboutTheirAxes() {
        assertEquals(1, Primitives.can().symmetries().continuous().size());
        assertEquals(3, Primitives.sphere().symmetries().continuous().size());
        assertEquals(1, Primitives.torus().symmetries().continuous().size());
        assertEquals(3, Primitives.box().symmetries().discrete().size());
    }
}
