package io.photonfarm.node.work;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.photonfarm.api.node.NodeActivity;
import io.photonfarm.api.node.NodeDevice;
import io.photonfarm.api.node.NodeHello;
import io.photonfarm.api.tile.TileResultCodec;
import io.photonfarm.api.work.LeaseRef;
import io.photonfarm.api.work.WorkGrant;
import io.photonfarm.api.work.WorkUnitKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's side of the protocol against a coordinator faked in the test, with a fake renderer. */
class WorkLoopTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private final FakeCoordinator coordinator = new FakeCoordinator();
    private final FakeRenderer renderer = new FakeRenderer();
    private final List<Duration> backoffs = new CopyOnWriteArrayList<>();
    private final TileResultCodec codec = new TileResultCodec(1 << 20);
    @TempDir
    Path cacheDir;
    private WorkLoop loop;
    private Thread thread;

    private WorkLoop start(String token) {
        NodeOptions options = new NodeOptions(coordinator.uri(), token, "test-node", Duration.ofMillis(200), 8, 2,
                cacheDir, Duration.ofSeconds(5));
        Retrier retrier = new Retrier(new Backoff(Duration.ofMillis(10), Duration.ofMillis(80)), d -> {
            backoffs.add(d);
            Thread.sleep(d.toMillis());
        }, () -> 0.5, Clock.systemUTC());
        NodeHello hello = new NodeHello("test-node", new NodeDevice("fake device", "cpu", "none", 0), "test");
        loop = new WorkLoop(CoordinatorClient.create(coordinator.uri(), token), renderer, retrier, Clock.systemUTC(),
                options, hello);
        thread = new Thread(loop, "work-loop-under-test");
        thread.start();
        return loop;
    }

    private WorkLoop start() {
        return start(FakeCoordinator.TOKEN);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (loop != null) {
            loop.stop();
            assertTrue(loop.awaitStopped(PATIENCE), "the loop stops");
        }
        coordinator.close();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("waited " + PATIENCE.toSeconds() + " s for: " + what);
            }
            Thread.sleep(5);
        }
    }

    private void assertUploadedBytesOf(int unit) {
        WorkGrant g = Grants.grant(unit, 1, 2);
        FakeCoordinator.UnitCall up = coordinator.uploads.stream()
                .filter(u -> u.lease().key().equals(g.assignment().unit().key())).findFirst().orElseThrow();
        assertEquals(new LeaseRef(Grants.key(unit), 1), up.lease());
        assertArrayEquals(codec.encode(FakeRenderer.expected(g.assignment().unit())), up.body(),
                "PFTR bytes of unit " + Grants.key(unit));
    }

    @Test
    void aNodeRegistersClaimsAndUploadsEachUnitsEncodedResultInOrder() throws InterruptedException {
        coordinator.claimReplies.add(Grants.batch(3));
        start();
        await("three uploads", () -> coordinator.uploads.size() == 3);
        assertEquals(1, coordinator.registrations.get());
        assertEquals(List.of(Grants.key(0), Grants.key(1), Grants.key(2)), coordinator.uploadedKeys());
        assertEquals(List.of(Grants.key(0), Grants.key(1), Grants.key(2)), renderer.finished);
        for (int i = 0; i < 3; i++) {
            assertUploadedBytesOf(i);
        }
        assertTrue(coordinator.uploads.stream().allMatch(u -> u.nodeId().equals("node-1")));
        FakeCoordinator.Request claim = coordinator.requests.stream().filter(r -> r.path().endsWith("/claim"))
                .findFirst().orElseThrow();
        assertEquals("waitMillis=200&maxUnits=8", claim.query());
        await("another claim after the batch", () -> coordinator.claims.get() >= 2);
    }

    @Test
    void resultsFinishedWhileAnUploadIsInFlightGoUpTogetherInOneBatchInTheOrderTheyFinished()
            throws InterruptedException {
        coordinator.uploadMillis = 150; // a round trip much longer than a render
        coordinator.claimReplies.add(Grants.batch(8));
        start();
        await("eight uploads", () -> coordinator.uploads.size() == 8);

        List<WorkUnitKey> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(Grants.key(i));
            assertUploadedBytesOf(i);
        }
        assertEquals(all, coordinator.uploadedKeys(), "each result uploaded once, in the order rendered");
        assertTrue(coordinator.batches.stream().anyMatch(n -> n > 1), "batches: " + coordinator.batches);
        long singles = coordinator.requests.stream().filter(r -> r.path().endsWith("/result")).count();
        assertEquals(8, singles + coordinator.batches.stream().mapToInt(Integer::intValue).sum(),
                "every result went up exactly once, alone or in a batch");
        assertTrue(singles + coordinator.batches.size() < 8, "fewer requests than results: " + singles + " single, "
                + coordinator.batches);
        await("heartbeats count all eight", () -> coordinator.heartbeats.stream().anyMatch(h -> h.unitsDone() == 8));
    }

    @Test
    void aStaleLeaseInsideABatchDropsOnlyThatResult() throws InterruptedException {
        coordinator.uploadMillis = 150;
        coordinator.uploadStatus.put(Grants.key(2), 409);
        coordinator.claimReplies.add(Grants.batch(6));
        start();
        await("five uploads", () -> coordinator.uploads.size() == 5);
        await("claiming again", () -> coordinator.claims.get() >= 2);

        assertEquals(List.of(Grants.key(0), Grants.key(1), Grants.key(3), Grants.key(4), Grants.key(5)),
                coordinator.uploadedKeys());
        assertTrue(coordinator.failures.isEmpty());
        long tries = coordinator.requests.stream().filter(r -> r.path().endsWith("/job-1/0/2/0/result")).count()
                + coordinator.batches.size();
        assertTrue(tries <= 6, "a refused unit is not retried");
    }

    @Test
    void aBatchTooLargeForTheCoordinatorGoesUpInSmallerPiecesAndLaterBatchesShrink() throws InterruptedException {
        coordinator.uploadMillis = 150;
        coordinator.maxBatchBody = 60_000; // two results of a 32 x 32 tile, not three
        coordinator.claimReplies.add(Grants.batch(10));
        start();
        await("ten uploads", () -> coordinator.uploads.size() == 10);

        List<WorkUnitKey> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(Grants.key(i));
        }
        assertEquals(all, coordinator.uploadedKeys(), "each result uploaded once, in order");
        long refused = coordinator.requests.stream().filter(r -> r.path().endsWith("/results")).count()
                - coordinator.batches.size();
        assertTrue(refused <= 3, "the node learns the size the coordinator takes: " + refused + " batches refused");
    }

    @Test
    void aCoordinatorWithoutTheBatchRouteGetsEachResultAlone() throws InterruptedException {
        coordinator.batchRoute = false;
        coordinator.uploadMillis = 100;
        coordinator.claimReplies.add(Grants.batch(6));
        start();
        await("six uploads", () -> coordinator.uploads.size() == 6);

        assertEquals(List.of(Grants.key(0), Grants.key(1), Grants.key(2), Grants.key(3), Grants.key(4), Grants.key(5)),
                coordinator.uploadedKeys());
        assertTrue(coordinator.batches.isEmpty());
        long batchTries = coordinator.requests.stream().filter(r -> r.path().endsWith("/results")).count();
        assertTrue(batchTries <= 1, "after one 404 the node stops trying batches: " + batchTries);
        assertEquals(1, coordinator.registrations.get(), "a 404 of the batch route is not taken for a forgotten node");
    }

    @Test
    void heartbeatsReportActivityThroughputAndCounts() throws InterruptedException {
        renderer.millisPerUnit = 200;
        coordinator.claimReplies.add(Grants.batch(2));
        start();
        await("a heartbeat while rendering", () -> coordinator.heartbeats.stream()
                .anyMatch(h -> h.activity() == NodeActivity.RENDERING && Grants.key(0).toString().equals(h.currentUnit())));
        await("a heartbeat counting two units", () -> coordinator.heartbeats.stream().anyMatch(h -> h.unitsDone() == 2));
        var last = coordinator.heartbeats.get(coordinator.heartbeats.size() - 1);
        assertEquals(0, last.unitsFailed());
        // 32 x 32 pixels x 2 samples in about 0.2 s: some thousands of pixel samples per second, not more.
        assertTrue(last.samplesPerSecond() > 1_000 && last.samplesPerSecond() < 10_240 * 1.01,
                "samples/s " + last.samplesPerSecond());
    }

    @Test
    void leasesAreRenewedEveryThirdOfTheLeaseWhileASlowUnitRenders() throws InterruptedException {
        coordinator.leaseMillis = 300;
        renderer.millisPerUnit = 800;
        coordinator.claimReplies.add(Grants.batch(1));
        start();
        await("the unit is uploaded", () -> coordinator.uploads.size() == 1);
        long renewalsOfTheUnit = coordinator.renewals.stream()
                .filter(r -> r.leases().contains(new LeaseRef(Grants.key(0), 1))).count();
        assertTrue(renewalsOfTheUnit >= 4 && renewalsOfTheUnit <= 9,
                "renewed every ~100 ms during an 800 ms render: " + renewalsOfTheUnit);
    }

    @Test
    void aUnitReportedLostIsSkippedOrItsResultDropped() throws InterruptedException {
        coordinator.leaseMillis = 150;
        renderer.millisPerUnit = 400;
        coordinator.lost.add(Grants.key(0)); // lost while it renders
        coordinator.lost.add(Grants.key(1)); // lost while it waits its turn
        coordinator.claimReplies.add(Grants.batch(3));
        start();
        await("the third unit is uploaded", () -> coordinator.uploads.size() == 1);
        assertEquals(List.of(Grants.key(2)), coordinator.uploadedKeys());
        assertEquals(List.of(Grants.key(0), Grants.key(2)), renderer.started, "the unit lost before its turn is skipped");
        assertTrue(coordinator.failures.isEmpty());
    }

    @Test
    void aStaleLeaseAnswerDropsTheResultAndTheLoopCarriesOn() throws InterruptedException {
        coordinator.uploadStatus.put(Grants.key(0), 409);
        coordinator.claimReplies.add(Grants.batch(2));
        start();
        await("the second unit is uploaded", () -> coordinator.uploads.size() == 1);
        assertEquals(List.of(Grants.key(1)), coordinator.uploadedKeys());
        // Alone or in a batch with the second unit, depending on timing: offered once either way.
        assertEquals(1, coordinator.refusedOffers.get(Grants.key(0)), "a 409 is not retried");
        await("claiming again", () -> coordinator.claims.get() >= 2);
        assertTrue(coordinator.failures.isEmpty());
    }

    @Test
    void aRenderExceptionIsReportedAsAFailureWithItsMessage() throws Exception {
        renderer.failing.add(Grants.key(0));
        coordinator.claimReplies.add(Grants.batch(2));
        start();
        await("one failure and one upload", () -> coordinator.failures.size() == 1 && coordinator.uploads.size() == 1);
        FakeCoordinator.UnitCall failure = coordinator.failures.get(0);
        assertEquals(new LeaseRef(Grants.key(0), 1), failure.lease());
        assertEquals("device lost while rendering job-1/0/0/0",
                coordinator.json.readValue(failure.body(), io.photonfarm.api.work.FailReport.class).message());
        await("a heartbeat counting the failure", () -> coordinator.heartbeats.stream()
                .anyMatch(h -> h.unitsFailed() == 1 && h.unitsDone() == 1));
    }

    @Test
    void whileTheCoordinatorAnswers503TheResultIsKeptAndUploadedWhenItIsBack() throws InterruptedException {
        renderer.millisPerUnit = 200;
        coordinator.claimReplies.add(Grants.batch(1));
        start();
        await("rendering starts", () -> renderer.started.size() == 1);
        coordinator.unavailable = true;
        await("several upload attempts answered 503", () -> coordinator.requests.stream()
                .filter(r -> r.path().endsWith("/result")).count() >= 4);
        coordinator.unavailable = false;
        await("the result is uploaded", () -> coordinator.uploads.size() == 1);
        assertUploadedBytesOf(0);
        // Waits grow from 10 ms towards the 80 ms cap (each drawn at the middle of its jitter range).
        assertTrue(backoffs.contains(Duration.ofNanos(7_500_000)) && backoffs.contains(Duration.ofMillis(15))
                && backoffs.contains(Duration.ofMillis(30)), "backoffs " + backoffs);
        assertTrue(backoffs.stream().allMatch(d -> d.compareTo(Duration.ofMillis(80)) <= 0), "capped: " + backoffs);
    }

    @Test
    void aCoordinatorThatIsDownIsWaitedForAndTheResultIsUploadedWhenItComesBack() throws InterruptedException {
        renderer.millisPerUnit = 300;
        coordinator.claimReplies.add(Grants.batch(1));
        start();
        await("rendering starts", () -> renderer.started.size() == 1);
        coordinator.goDown();
        await("the render finished while the coordinator is down", () -> renderer.finished.size() == 1);
        int backoffsBefore = backoffs.size();
        await("retries while down", () -> backoffs.size() >= backoffsBefore + 3);
        assertTrue(coordinator.uploads.isEmpty());
        coordinator.comeBack();
        await("the result is uploaded", () -> coordinator.uploads.size() == 1);
        assertUploadedBytesOf(0);
    }

    @Test
    void aCoordinatorThatIsDownAtStartIsWaitedForBeforeRegistering() throws InterruptedException {
        coordinator.goDown();
        start();
        await("registration retries", () -> backoffs.size() >= 3);
        coordinator.comeBack();
        await("registered", () -> coordinator.registrations.get() == 1);
    }

    @Test
    void aDrainFinishesTheBatchClaimsNothingMoreAndLeaves() throws InterruptedException {
        renderer.millisPerUnit = 150;
        coordinator.claimReplies.add(Grants.batch(3));
        start();
        await("rendering starts", () -> renderer.started.size() == 1);
        coordinator.drain = true;
        assertTrue(loop.awaitStopped(PATIENCE), "the loop ends after the drain");
        assertEquals(WorkLoop.EXIT_OK, loop.exitCode());
        assertEquals(List.of(Grants.key(0), Grants.key(1), Grants.key(2)), coordinator.uploadedKeys());
        assertEquals(1, coordinator.claims.get(), "no claim after the drain request");
        assertEquals(List.of("node-1"), coordinator.leaves);
        assertTrue(coordinator.heartbeats.stream().anyMatch(h -> h.activity() == NodeActivity.DRAINING));
    }

    @Test
    void stopFinishesTheCurrentUnitUploadsItAndHandsTheRestBackByLeaving() throws InterruptedException {
        renderer.millisPerUnit = 300;
        coordinator.claimReplies.add(Grants.batch(3));
        start();
        await("rendering starts", () -> renderer.started.size() == 1);
        loop.stop();
        assertTrue(loop.awaitStopped(PATIENCE));
        assertEquals(WorkLoop.EXIT_OK, loop.exitCode());
        assertEquals(List.of(Grants.key(0)), coordinator.uploadedKeys(), "the unit being rendered is finished and uploaded");
        assertEquals(List.of(Grants.key(0)), renderer.started, "the rest of the batch is not rendered");
        assertEquals(List.of("node-1"), coordinator.leaves);
    }

    @Test
    void stopCutsALongPollShort() throws InterruptedException {
        start();
        await("a claim is waiting", () -> coordinator.claims.get() >= 1);
        long t0 = System.nanoTime();
        loop.stop();
        assertTrue(loop.awaitStopped(PATIENCE));
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos(), "stopped promptly");
        assertEquals(List.of("node-1"), coordinator.leaves);
    }

    @Test
    void aRefusedTokenEndsTheLoopWithAClearError() throws InterruptedException {
        start("wrong-token");
        assertTrue(loop.awaitStopped(PATIENCE));
        assertEquals(WorkLoop.EXIT_UNAUTHORIZED, loop.exitCode());
        assertTrue(loop.unauthorized().getMessage().contains("HTTP 401"), loop.unauthorized().getMessage());
        assertTrue(loop.unauthorized().getMessage().contains("token"), loop.unauthorized().getMessage());
        assertTrue(backoffs.isEmpty(), "a 401 is not retried");
        assertEquals(0, coordinator.registrations.get());
    }

    @Test
    void aNodeTheCoordinatorForgotRegistersAgainAndCarriesOn() throws InterruptedException {
        start();
        await("registered", () -> coordinator.registrations.get() == 1);
        coordinator.knownNodes.clear();
        await("registered again", () -> coordinator.registrations.get() == 2);
        int beatsBefore = coordinator.heartbeats.size();
        coordinator.claimReplies.add(Grants.batch(1));
        await("work done under the new id", () -> coordinator.uploads.size() == 1);
        assertEquals("node-2", coordinator.uploads.get(0).nodeId());
        await("heartbeats under the new id", () -> coordinator.heartbeats.size() > beatsBefore);
        assertEquals(2, coordinator.registrations.get(), "registered once more, not once per thread that saw the 404");
    }
}
