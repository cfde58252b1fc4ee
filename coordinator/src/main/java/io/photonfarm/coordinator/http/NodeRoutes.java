package io.photonfarm.coordinator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.node.Heartbeat;
import io.photonfarm.api.node.NodeHello;
import io.photonfarm.api.work.FailReport;
import io.photonfarm.api.work.RenewRequest;
import io.photonfarm.api.work.ResultBatch;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.coordinator.nodes.NodeRegistry;
import io.photonfarm.coordinator.work.UnknownNodeException;
import io.photonfarm.coordinator.work.WorkService;
import java.time.InstantSource;
import java.util.function.Consumer;

/** {@code /api/v1/nodes}: the node work protocol (node token), and listing and draining nodes (client token). */
public final class NodeRoutes implements Consumer<ApiServer.Registrar> {
    private static final String UNIT = "/api/v1/nodes/{nodeId}/units/{jobId}/{frame}/{tile}/{range}";

    private final WorkService work;
    private final NodeRegistry nodes;
    private final InstantSource clock;
    private final JsonBodies bodies;

    public NodeRoutes(WorkService work, NodeRegistry nodes, InstantSource clock, ObjectMapper json) {
        this.work = work;
        this.nodes = nodes;
        this.clock = clock;
        this.bodies = new JsonBodies(json, 4 << 20);
    }

    @Override
    public void accept(ApiServer.Registrar r) {
        r.add(HandlerType.GET, "/api/v1/nodes", Role.CLIENT, ctx -> ctx.json(nodes.views(clock.millis())));
        r.add(HandlerType.POST, "/api/v1/nodes/{nodeId}/drain", Role.CLIENT, this::drain);
        r.add(HandlerType.POST, "/api/v1/nodes", Role.NODE,
                ctx -> ctx.status(201).json(work.register(bodies.read(ctx.bodyAsBytes(), NodeHello.class, "node registration"))));
        r.add(HandlerType.POST, "/api/v1/nodes/{nodeId}/heartbeat", Role.NODE, ctx -> ctx.json(
                work.heartbeat(ctx.pathParam("nodeId"), bodies.read(ctx.bodyAsBytes(), Heartbeat.class, "heartbeat"))));
        r.add(HandlerType.POST, "/api/v1/nodes/{nodeId}/claim", Role.NODE, this::claim);
        r.add(HandlerType.POST, "/api/v1/nodes/{nodeId}/renew", Role.NODE, ctx -> ctx.json(
                work.renew(ctx.pathParam("nodeId"), bodies.read(ctx.bodyAsBytes(), RenewRequest.class, "renewal"))));
        r.add(HandlerType.PUT, UNIT + "/result", Role.NODE, ctx -> ctx.json(
                work.complete(ctx.pathParam("nodeId"), unitKey(ctx), epoch(ctx), ctx.bodyAsBytes())));
        r.add(HandlerType.POST, "/api/v1/nodes/{nodeId}/results", Role.NODE, ctx -> ctx.json(
                work.completeAll(ctx.pathParam("nodeId"), batch(ctx.bodyAsBytes()))));
        r.add(HandlerType.POST, UNIT + "/failure", Role.NODE, ctx -> ctx.json(work.fail(ctx.pathParam("nodeId"),
                unitKey(ctx), epoch(ctx), bodies.read(ctx.bodyAsBytes(), FailReport.class, "failure report"))));
        r.add(HandlerType.POST, "/api/v1/nodes/{nodeId}/leave", Role.NODE, ctx -> {
            work.leave(ctx.pathParam("nodeId"));
            ctx.status(204);
        });
    }

    private void drain(Context ctx) {
        String nodeId = ctx.pathParam("nodeId");
        if (!nodes.drain(nodeId)) {
            throw new UnknownNodeException(nodeId);
        }
        ctx.status(202);
    }

    private void claim(Context ctx) {
        long waitMillis = longParam(ctx, "waitMillis", 0, 0, Long.MAX_VALUE);
        int maxUnits = (int) longParam(ctx, "maxUnits", 0, 0, 1_000_000);
        String nodeId = ctx.pathParam("nodeId");
        ctx.future(() -> work.claim(nodeId, waitMillis, maxUnits).thenAccept(ctx::json));
    }

    private ResultBatch batch(byte[] body) {
        try {
            return ResultBatch.decode(body, work.maxResultBytes());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static WorkUnitKey unitKey(Context ctx) {
        JobId job;
        try {
            job = new JobId(ctx.pathParam("jobId"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("path parameter jobId: " + e.getMessage());
        }
        return new WorkUnitKey(job, (int) pathInt(ctx, "frame"), (int) pathInt(ctx, "tile"), (int) pathInt(ctx, "range"));
    }

    private static long epoch(Context ctx) {
        if (ctx.queryParam("epoch") == null) {
            throw new BadRequestException("query parameter epoch is missing: quote the epoch of your lease");
        }
        return longParam(ctx, "epoch", 0, 1, Long.MAX_VALUE);
    }

    private static long pathInt(Context ctx, String name) {
        return parse("path parameter " + name, ctx.pathParam(name), 0, Integer.MAX_VALUE);
    }

    private static long longParam(Context ctx, String name, long fallback, long min, long max) {
        String value = ctx.queryParam(name);
        return value == null ? fallback : parse("query parameter " + name, value, min, max);
    }

    private static long parse(String what, String value, long min, long max) {
        try {
            long v = Long.parseLong(value);
            if (v < min || v > max) {
                throw new BadRequestException(what + " = " + value + ": must be in " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadRequestException(what + " = '" + value + "': not an integer");
        }
    }
}
