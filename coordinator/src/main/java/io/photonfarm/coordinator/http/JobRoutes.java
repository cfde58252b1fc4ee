package io.photonfarm.coordinator.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.photonfarm.coordinator.jobs.JobRequest;
import io.photonfarm.coordinator.jobs.JobService;
import java.util.function.Consumer;

/** {@code /api/v1/jobs}: submit, list, get, pause, resume, cancel, priority. */
public final class JobRoutes implements Consumer<ApiServer.Registrar> {
    private final JobService jobs;
    private final JsonBodies bodies;

    public JobRoutes(JobService jobs, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.jobs = jobs;
        this.bodies = new JsonBodies(json, 1 << 20);
    }

    @Override
    public void accept(ApiServer.Registrar r) {
        r.add(HandlerType.POST, "/api/v1/jobs", Role.CLIENT, this::submit);
        r.add(HandlerType.GET, "/api/v1/jobs", Role.CLIENT, ctx -> ctx.json(jobs.list()));
        r.add(HandlerType.GET, "/api/v1/jobs/{id}", Role.CLIENT, ctx -> ctx.json(jobs.get(ctx.pathParam("id"))));
        r.add(HandlerType.POST, "/api/v1/jobs/{id}/pause", Role.CLIENT, ctx -> ctx.json(jobs.pause(ctx.pathParam("id"))));
        r.add(HandlerType.POST, "/api/v1/jobs/{id}/resume", Role.CLIENT, ctx -> ctx.json(jobs.resume(ctx.pathParam("id"))));
        r.add(HandlerType.POST, "/api/v1/jobs/{id}/cancel", Role.CLIENT, ctx -> ctx.json(jobs.cancel(ctx.pathParam("id"))));
        r.add(HandlerType.PUT, "/api/v1/jobs/{id}/priority", Role.CLIENT, ctx -> ctx.json(jobs.setPriority(
                ctx.pathParam("id"), bodies.read(ctx.bodyAsBytes(), PriorityRequest.class, "priority").priority())));
    }

    private void submit(Context ctx) {
        JobRequest request = bodies.read(ctx.bodyAsBytes(), JobRequest.class, "job");
        ctx.status(201).json(jobs.submit(request));
    }
}
