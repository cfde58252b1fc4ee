package io.photonfarm.coordinator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.work.UnitOutcome;
import io.photonfarm.api.work.WorkGrant;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.Coordinator;
import io.photonfarm.coordinator.cluster.ClusterSettings;
import io.photonfarm.coordinator.schedule.SchedulingPolicy;
import io.photonfarm.coordinator.store.Durability;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two coordinators in one Hazelcast cluster serve one farm: a node may use either, and when one
 * leaves the other finishes the job with nothing lost.
 */
class TwoCoordinatorsTest {

    private static Coordinator start(Path dataDir, String cluster, List<String> known, int port) {
        return Coordinator.start(TestFarm.settings(dataDir, new ClusterSettings(cluster, "127.0.0.1", port, known, 31, "jdk"),
                1, Durability.none(), JobLimits.DEFAULT, TestFarm.FAST, SchedulingPolicy.DEFAULT));
    }

    private static List<WorkGrant> claimSome(TestNode node, int wanted) {
        List<WorkGrant> grants = new ArrayList<>();
        for (int claims = 0; grants.size() < wanted && claims < 32; claims++) {
            grants.addAll(node.claim(wanted - grants.size(), 1_000));
        }
        assertEquals(wanted, grants.size(), "claimed through " + node.name);
        return grants;
    }

    @Test
    void aJobStartedOnOneCoordinatorFinishesOnTheOtherAfterTheFirstLeaves(@TempDir Path sharedDir) throws Exception {
        String cluster = "two-coordinators-" + UUID.randomUUID();
        int portA = TestFarm.freePort();
        int portB = TestFarm.freePort();
        Coordinator a = start(sharedDir, cluster, List.of("127.0.0.1:" + portA), portA);
        boolean aClosed = false;
        try (TestFarm farmB = TestFarm.wrap(start(sharedDir, cluster, List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB),
                portB))) {
            TestFarm farmA = TestFarm.wrap(a);
            try {
                // 2 frames x 4 tiles x 2 sample ranges = 16 units.
                farmA.submit(JobLifecycleTest.SMALL.formatted("two-coordinators"));
                assertEquals(16, farmB.job("two-coordinators").units(), "B sees the job submitted through A");
                TestNode viaA = farmA.node("roaming-node");
                TestNode viaB = viaA.via(farmB);
                Set<WorkUnitKey> accepted = new HashSet<>();

                for (WorkGrant g : claimSome(viaA, 4)) {
                    assertEquals("ACCEPTED", viaA.complete(g, 0.5).as(UnitOutcome.class).outcome());
                    accepted.add(g.assignment().unit().key());
                }
                for (WorkGrant g : claimSome(viaB, 4)) {
                    assertEquals("ACCEPTED", viaB.complete(g, 0.5).as(UnitOutcome.class).outcome());
                    accepted.add(g.assignment().unit().key());
                }
                List<WorkGrant> heldOverClose = claimSome(viaA, 4);

                a.close();
                aClosed = true;

                for (WorkGrant g : heldOverClose) {
                    assertEquals("ACCEPTED", viaB.complete(g, 0.5).as(UnitOutcome.class).outcome(),
                            "a lease granted by A is honoured by B after A left");
                    accepted.add(g.assignment().unit().key());
                }
                for (WorkGrant g : claimSome(viaB, 4)) {
                    assertEquals("ACCEPTED", viaB.complete(g, 0.5).as(UnitOutcome.class).outcome());
                    accepted.add(g.assignment().unit().key());
                }
                assertEquals(16, accepted.size(), "every unit was handed out exactly once");
                assertTrue(viaB.claim(16).isEmpty(), "nothing is left to hand out");

                TestFarm.await("the job to complete through B", Duration.ofSeconds(20), () -> {
                    var v = farmB.job("two-coordinators");
                    return v.status().equals("COMPLETED") && v.framesWritten() == 2;
                });
                for (int frame = 0; frame < 2; frame++) {
                    Path dir = farmB.coordinator.datasetRoot().resolve("jobs/two-coordinators/frames/" + String.format("%06d", frame));
                    assertTrue(Files.isRegularFile(dir.resolve("meta.json")), dir + " is written");
                    FloatImage exr = Images.readExr(dir.resolve("radiance.exr"));
                    for (int i = 0; i < exr.data().length; i++) {
                        if (i % exr.channels() < 3) {
                            assertEquals(0.5f, exr.data()[i], "frame " + frame + " value " + i);
                        }
                    }
                }
            } finally {
                if (!aClosed) {
                    a.close();
                }
            }
        }
    }
}
