package io.photonfarm.coordinator.camera;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.photonfarm.coordinator.http.ApiServer;
import io.photonfarm.coordinator.http.BadRequestException;
import io.photonfarm.coordinator.http.Role;
import io.photonfarm.coordinator.jobs.JobRecord;
import io.photonfarm.coordinator.jobs.JobService;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import io.photonfarm.api.camera.SensorProfile;
import io.photonfarm.sensor.SensorPresets;

/**
 * The simulated camera's routes: {@code GET /api/v1/sensor-presets} (the built-in sensor profiles, in
 * full, to start a profile from) and {@code GET /api/v1/jobs/{id}/domain-gap} (the job's domain-gap
 * report, before and after refinement).
 */
public final class CameraRoutes implements Consumer<ApiServer.Registrar> {
    private final JobService jobs;
    private final DomainGap gap;

    public CameraRoutes(JobService jobs, DomainGap gap) {
        this.jobs = jobs;
        this.gap = gap;
    }

    @Override
    public void accept(ApiServer.Registrar r) {
        r.add(HandlerType.GET, "/api/v1/jobs/{id}/domain-gap", Role.CLIENT, this::report);
        r.add(HandlerType.GET, "/api/v1/sensor-presets", Role.CLIENT, this::presets);
    }

    private void presets(Context ctx) {
        Map<String, SensorProfile> out = new LinkedHashMap<>();
        for (String name : SensorPresets.names()) {
            out.put(name, SensorPresets.get(name).orElseThrow());
        }
        ctx.json(out);
    }

    private void report(Context ctx) throws IOException {
        JobRecord job = jobs.record(ctx.pathParam("id"));
        try {
            ctx.json(gap.report(job));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
