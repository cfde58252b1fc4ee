package io.photonfarm.node.work;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.photonfarm.api.node.NodeDevice;
import io.photonfarm.api.node.NodeHello;
import io.photonfarm.api.work.FailReport;
import io.photonfarm.api.work.LeaseRef;
import io.photonfarm.api.work.RenewRequest;
import io.photonfarm.api.work.ResultBatch;
import io.photonfarm.api.work.ResultBatchReply;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoordinatorClientTest {
    private final FakeCoordinator coordinator = new FakeCoordinator();
    private final CoordinatorClient client = CoordinatorClient.create(coordinator.uri(), FakeCoordinator.TOKEN);
    private final LeaseRef lease = new LeaseRef(Grants.key(0), 3);

    @AfterEach
    void close() {
        coordinator.close();
    }

    private String register() throws InterruptedException {
        return client.register(new NodeHello("n", new NodeDevice("dev", "cpu", "", 0), "v")).nodeId();
    }

    @Test
    void recordsTravelAsJsonWithTheJobIdAsAPlainString() throws Exception {
        String node = register();
        client.renew(node, new RenewRequest(List.of(lease)));
        byte[] body = coordinator.requests.get(coordinator.requests.size() - 1).body();
        JsonNode key = coordinator.json.readTree(body).get("leases").get(0).get("key");
        assertEquals("job-1", key.get("jobId").asText());
        assertEquals(3, coordinator.json.readTree(body).get("leases").get(0).get("epoch").asInt());
    }

    @Test
    void unitCallsNameJobFrameTileRangeAndEpochInThePath() throws Exception {
        String node = register();
        client.fail(node, lease, new FailReport("out of memory"));
        FakeCoordinator.Request r = coordinator.requests.get(coordinator.requests.size() - 1);
        assertEquals("/api/v1/nodes/" + node + "/units/job-1/0/0/0/failure", r.path());
        assertEquals("epoch=3", r.query());
    }

    @Test
    void aBatchOfResultsIsOnePostOfAResultBatchAnsweredUnitByUnit() throws Exception {
        String node = register();
        coordinator.uploadStatus.put(Grants.key(1), 409);
        ResultBatch batch = new ResultBatch(List.of(new ResultBatch.Result(lease, new byte[] {1, 2}),
                new ResultBatch.Result(new LeaseRef(Grants.key(1), 4), new byte[] {3})));

        ResultBatchReply reply = client.uploadAll(node, batch);

        FakeCoordinator.Request r = coordinator.requests.get(coordinator.requests.size() - 1);
        assertEquals("POST", r.method());
        assertEquals("/api/v1/nodes/" + node + "/results", r.path());
        assertArrayEquals(batch.encode(), r.body());
        assertEquals(List.of(200, 409), reply.outcomes().stream().map(ResultBatchReply.BatchOutcome::status).toList());
        assertEquals(List.of(lease), coordinator.uploads.stream().map(FakeCoordinator.UnitCall::lease).toList());
        coordinator.batchRoute = false;
        assertThrows(CoordinatorException.UnknownNode.class, () -> client.uploadAll(node, batch),
                "a coordinator without the route answers 404");
    }

    @Test
    void statusesBecomeTypedExceptions() throws Exception {
        String node = register();
        coordinator.uploadStatus.put(Grants.key(0), 409);
        assertThrows(CoordinatorException.StaleLease.class, () -> client.upload(node, lease, new byte[40]));
        coordinator.uploadStatus.put(Grants.key(0), 400);
        CoordinatorException.Rejected bad = assertThrows(CoordinatorException.Rejected.class,
                () -> client.upload(node, lease, new byte[40]));
        assertTrue(bad.getMessage().contains("refused upload of job-1/0/0/0"), bad.getMessage());
        assertThrows(CoordinatorException.UnknownNode.class, () -> client.leave("node-404"));
        assertThrows(CoordinatorException.Rejected.class, () -> client.fetchScene("ab".repeat(32)),
                "an unknown scene is not an unknown node");
        coordinator.unavailable = true;
        CoordinatorException.Unavailable away = assertThrows(CoordinatorException.Unavailable.class,
                () -> client.leave(node));
        assertEquals(503, away.status());
        CoordinatorClient wrongToken = CoordinatorClient.create(coordinator.uri(), "nope");
        assertThrows(CoordinatorException.Unauthorized.class, () -> wrongToken.leave(node));
    }

    @Test
    void aCoordinatorThatIsNotListeningIsUnavailable() {
        coordinator.goDown();
        CoordinatorClient c = CoordinatorClient.create(coordinator.uri(), FakeCoordinator.TOKEN);
        CoordinatorException.Unavailable e = assertThrows(CoordinatorException.Unavailable.class, () -> c.leave("n"));
        assertEquals(0, e.status());
        coordinator.comeBack();
    }

    @Test
    void aBaseUrlWithOrWithoutATrailingSlashReachesTheSameApi() throws Exception {
        URI slash = URI.create(coordinator.uri() + "/");
        CoordinatorClient c = CoordinatorClient.create(slash, FakeCoordinator.TOKEN);
        c.register(new NodeHello("n", new NodeDevice("dev", "cpu", "", 0), "v"));
        assertEquals("/api/v1/nodes", coordinator.requests.get(0).path());
    }
}
