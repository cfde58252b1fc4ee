package io.photonfarm.coordinator.http;

import io.photonfarm.api.node.Heartbeat;
import io.photonfarm.api.node.HeartbeatReply;
import io.photonfarm.api.node.NodeActivity;
import io.photonfarm.api.node.NodeDevice;
import io.photonfarm.api.node.NodeHello;
import io.photonfarm.api.node.NodeWelcome;
import io.photonfarm.api.tile.RadianceSums;
import io.photonfarm.api.tile.TileResult;
import io.photonfarm.api.tile.TileResultCodec;
import io.photonfarm.api.work.ClaimReply;
import io.photonfarm.api.work.FailReport;
import io.photonfarm.api.work.WorkGrant;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import java.util.Arrays;
import java.util.List;

/**
 * A render node played by a test over HTTP: it registers, claims, and uploads tile results it
 * makes up ({@link #result}), so no GPU is involved.
 */
final class TestNode {
    static final NodeDevice DEVICE = new NodeDevice("Test GPU 9000", "DISCRETE_GPU", "test-driver 1.0", 8L << 30);
    private static final TileResultCodec CODEC = new TileResultCodec(1 << 20);

    private final TestFarm farm;
    final String name;
    final NodeWelcome welcome;

    TestNode(TestFarm farm, String name) {
        this.farm = farm;
        this.name = name;
        TestFarm.Reply r = farm.sendJson("POST", "/api/v1/nodes", TestFarm.NODE_TOKEN,
                farm.toJson(new NodeHello(name, DEVICE, "test")));
        if (r.status() != 201) {
            throw new AssertionError("registering node " + name + ": HTTP " + r.status() + " " + r.text());
        }
        this.welcome = r.as(NodeWelcome.class);
    }

    private TestNode(TestFarm farm, String name, NodeWelcome welcome) {
        this.farm = farm;
        this.name = name;
        this.welcome = welcome;
    }

    /** The same node, calling another coordinator of the farm. */
    TestNode via(TestFarm other) {
        return new TestNode(other, name, welcome);
    }

    String id() {
        return welcome.nodeId();
    }

    TestFarm.Reply call(String method, String path, String jsonBody) {
        return farm.sendJson(method, "/api/v1/nodes/" + id() + path, TestFarm.NODE_TOKEN, jsonBody);
    }

    /** Claims without waiting, at most {@code maxUnits} units. */
    List<WorkGrant> claim(int maxUnits) {
        return call("POST", "/claim?waitMillis=0&maxUnits=" + maxUnits, null).as(ClaimReply.class).grants();
    }

    /** Claims, waiting up to {@code waitMillis} for work. */
    List<WorkGrant> claim(int maxUnits, long waitMillis) {
        return call("POST", "/claim?waitMillis=" + waitMillis + "&maxUnits=" + maxUnits, null).as(ClaimReply.class).grants();
    }

    HeartbeatReply heartbeat(NodeActivity activity, String currentUnit) {
        return call("POST", "/heartbeat", farm.toJson(new Heartbeat(activity, currentUnit, 1_000_000, 3, 1)))
                .as(HeartbeatReply.class);
    }

    TestFarm.Reply leave() {
        return call("POST", "/leave", null);
    }

    static String unitPath(WorkUnitKey k) {
        return "/units/" + k.jobId() + "/" + k.frame() + "/" + k.tileIndex() + "/" + k.rangeIndex();
    }

    /** Uploads {@code body} as the result of the unit, quoting {@code epoch}. */
    TestFarm.Reply upload(WorkUnitKey key, long epoch, byte[] body) {
        return farm.send("PUT", "/api/v1/nodes/" + id() + unitPath(key) + "/result?epoch=" + epoch, TestFarm.NODE_TOKEN,
                "application/octet-stream", body);
    }

    /** Uploads a constant-radiance result for a granted unit under its own epoch. */
    TestFarm.Reply complete(WorkGrant g, double radiance) {
        return upload(g.assignment().unit().key(), g.assignment().lease().epoch(), result(g.assignment().unit(), radiance));
    }

    TestFarm.Reply fail(WorkGrant g, String message) {
        WorkUnitKey k = g.assignment().unit().key();
        return call("POST", unitPath(k) + "/failure?epoch=" + g.assignment().lease().epoch(),
                farm.toJson(new FailReport(message)));
    }

    /**
     * A unit's result in which every sample of every pixel has radiance {@code radiance} in every
     * channel. With a radiance that is a multiple of 2^-20 the sums are exact, so the assembled frame
     * is exactly {@code radiance} everywhere.
     */
    static byte[] result(WorkUnit unit, double radiance) {
        long perSample = Math.round(Math.scalb(radiance, RadianceSums.FRACTION_BITS));
        long[] sums = new long[unit.rect().pixelCount() * 3];
        Arrays.fill(sums, perSample * unit.samples().count());
        return CODEC.encode(new TileResult(unit.rect(), unit.samples(), sums));
    }
}
