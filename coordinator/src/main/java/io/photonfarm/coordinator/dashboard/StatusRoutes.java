package io.photonfarm.coordinator.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import io.photonfarm.coordinator.http.ApiServer;
import io.photonfarm.coordinator.http.JsonBodies;
import io.photonfarm.coordinator.http.Role;
import io.photonfarm.coordinator.jobs.JobRequest;
import io.photonfarm.coordinator.jobs.JobService;
import java.util.function.Consumer;

/** {@code GET /api/v1/farm} (the dashboard's status) and {@code POST /api/v1/estimates} (a job's cost). */
public final class StatusRoutes implements Consumer<ApiServer.Registrar> {
    private final FarmStatusService status;
    private final JobService jobs;
    private final JsonBodies bodies;

    public StatusRoutes(FarmStatusService status, JobService jobs, ObjectMapper json) {
        this.status = status;
        this.jobs = jobs;
        this.bodies = new JsonBodies(json, 1 << 20);
    }

    @Override
    public void accept(ApiServer.Registrar r) {
        r.add(HandlerType.GET, "/api/v1/farm", Role.CLIENT, ctx -> ctx.json(status.status()));
        r.add(HandlerType.POST, "/api/v1/estimates", Role.CLIENT, ctx -> ctx.json(
                status.estimate(jobs.validate(bodies.read(ctx.bodyAsBytes(), JobRequest.class, "job")))));
    }
}
