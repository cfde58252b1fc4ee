package io.photonfarm.coordinator.annotations;

import io.photonfarm.api.job.AnnotationFormat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.labels.Box2d;
import io.photonfarm.labels.ObjectAnnotation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KittiWriterTest {
    @TempDir
    Path job;

    /** One parsed label line. */
    record Line(String type, double truncated, int occluded, double alpha, double[] bbox, double[] dims, double[] loc,
            double ry) {
        static Line parse(String s) {
            String[] f = s.split(" ");
            assertEquals(15, f.length, s);
            double[] v = Arrays.stream(f, 1, 15).mapToDouble(Double::parseDouble).toArray();
            return new Line(f[0], v[0], Integer.parseInt(f[2]), v[2], Arrays.copyOfRange(v, 3, 7),
                    Arrays.copyOfRange(v, 7, 10), Arrays.copyOfRange(v, 10, 13), v[13]);
        }
    }

    private List<Line> frame0;

    @BeforeEach
    void writeTwoFramesAndFinish() throws IOException {
        AnnotationWriters writers = new AnnotationWriters(List.of(AnnotationFormat.KITTI), HandMadeFrame.TOLERANCE);
        HandMadeFrame.writeFrames(writers, job, 0, 1);
        writers.finishJob(job);
        frame0 = new ArrayList<>();
        for (String s : Files.readAllLines(job.resolve("annotations/kitti/label_2/000000.txt"))) {
            frame0.add(Line.parse(s));
        }
    }

    private static List<ObjectAnnotation> visibleObjects(int frame) {
        return HandMadeFrame.frame(frame).objects().objects().stream().filter(o -> o.visiblePixels() > 0).toList();
    }

    @Test
    void oneLinePerVisibleObjectWithItsClassAndTightBox() throws IOException {
        for (int frame : new int[] {0, 1}) {
            List<String> lines = Files.readAllLines(job.resolve(String.format("annotations/kitti/label_2/%06d.txt", frame)));
            List<ObjectAnnotation> objects = visibleObjects(frame);
            assertEquals(objects.size(), lines.size());
            for (int i = 0; i < lines.size(); i++) {
                Line l = Line.parse(lines.get(i));
                ObjectAnnotation o = objects.get(i);
                assertEquals(o.category(), l.type().replace('_', ' '), "the type maps back to the class");
                Box2d b = o.tightBox();
                assertArrayEquals(new double[] {b.xMin(), b.yMin(), b.xMax(), b.yMax()}, l.bbox(), 1e-6);
            }
        }
        assertEquals("coffee_mug", frame0.get(1).type());
    }

    @Test
    void occlusionAndTruncationFollowTheStatedRules() {
        // A: 10x10 less B's disc in front, below 0.9 visible; B fully visible; C cut by the edge, not occluded.
        assertEquals(1, frame0.get(0).occluded());
        assertEquals(0, frame0.get(1).occluded());
        assertEquals(0, frame0.get(2).occluded());
        assertEquals(0, frame0.get(0).truncated(), 1e-6);
        ObjectAnnotation c = visibleObjects(0).get(2);
        double expected = 1 - c.amodalBox().width() * c.amodalBox().height()
                / (c.amodalBoxUnclipped().width() * c.amodalBoxUnclipped().height());
        assertEquals(expected, frame0.get(2).truncated(), 1e-6);
        assertTrue(frame0.get(2).truncated() > 0.1);
        assertEquals(2, KittiWriter.occluded(0.49));
        assertEquals(1, KittiWriter.occluded(0.5));
        assertEquals(0, KittiWriter.occluded(0.9));
    }

    @Test
    void theKittiBoxOfAnUprightObjectRebuildsItsEightCorners() {
        // C stands upright (object y = camera -y) with a yaw: KITTI's box is exact for it.
        Line l = frame0.get(2);
        ObjectAnnotation c = visibleObjects(0).get(2);
        assertEquals(HandMadeFrame.C_YAW, l.ry(), 1e-6);
        double h = l.dims()[0];
        double w = l.dims()[1];
        double len = l.dims()[2];
        assertArrayEquals(new double[] {0.4, 0.4, 0.4}, l.dims(), 1e-6);
        List<double[]> rebuilt = new ArrayList<>();
        for (double dx : new double[] {-len / 2, len / 2}) {
            for (double dy : new double[] {-h, 0}) {
                for (double dz : new double[] {-w / 2, w / 2}) {
                    double cos = Math.cos(l.ry());
                    double sin = Math.sin(l.ry());
                    rebuilt.add(new double[] {cos * dx + sin * dz + l.loc()[0], dy + l.loc()[1],
                        -sin * dx + cos * dz + l.loc()[2]});
                }
            }
        }
        for (double[] corner : c.box3d()) {
            assertTrue(rebuilt.stream().anyMatch(r -> dist(r, corner) < 1e-5),
                    "corner " + Arrays.toString(corner) + " is one of KITTI's");
        }
        assertEquals(PoseMath.wrap(l.ry() - Math.atan2(l.loc()[0], l.loc()[2])), l.alpha(), 1e-5);
    }

    @Test
    void dimensionsAreTheScaledBoundsWithHeightAlongObjectY() {
        // B: bounds 0.2 x 0.22 x 0.2 at scale 1.5.
        assertArrayEquals(new double[] {0.33, 0.3, 0.3}, frame0.get(1).dims(), 1e-6);
        ObjectAnnotation b = visibleObjects(0).get(1);
        double[] bottom = PoseMath.toCamera(b, new double[] {0, -0.1, 0});
        assertArrayEquals(bottom, frame0.get(1).loc(), 1e-6);
    }

    @Test
    void calibHasP2FromKAndTheRowsKittiReadersExpect() throws IOException {
        List<String> lines = Files.readAllLines(job.resolve("annotations/kitti/calib/000000.txt"));
        assertEquals(List.of("P0", "P1", "P2", "P3", "R0_rect", "Tr_velo_to_cam", "Tr_imu_to_velo"),
                lines.stream().map(s -> s.substring(0, s.indexOf(':'))).toList());
        String p2 = lines.get(2);
        double[] p = Arrays.stream(p2.substring(4).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertArrayEquals(new double[] {30, 0, 16, 0, 0, 30, 12, 0, 0, 0, 1, 0}, p, 1e-9);
    }

    private static double dist(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }
}
