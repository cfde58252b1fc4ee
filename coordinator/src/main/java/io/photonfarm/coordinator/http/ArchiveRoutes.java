package io.photonfarm.coordinator.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.photonfarm.coordinator.archive.ArchiveFilter;
import io.photonfarm.coordinator.archive.ArchiveFormat;
import io.photonfarm.coordinator.archive.ArchiveStreamer;
import io.photonfarm.coordinator.dataset.DatasetLayout;
import io.photonfarm.coordinator.jobs.JobRecord;
import io.photonfarm.coordinator.jobs.JobService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/jobs/{id}/archive}: the job's dataset so far, streamed straight to the response
 * (constant memory, no temporary archive), so a download starts at once and a multi-GB dataset
 * never sits in memory.
 */
public final class ArchiveRoutes implements Consumer<ApiServer.Registrar> {
    private static final Pattern RANGE = Pattern.compile("(\\d{1,9})-(\\d{1,9})");
    private final JobService jobs;
    private final ArchiveStreamer streamer;

    public ArchiveRoutes(JobService jobs, DatasetLayout layout) {
        this.jobs = jobs;
        this.streamer = new ArchiveStreamer(layout);
    }

    @Override
    public void accept(ApiServer.Registrar r) {
        r.add(HandlerType.GET, "/api/v1/jobs/{id}/archive", Role.CLIENT, this::archive);
    }

    private void archive(Context ctx) throws IOException {
        JobRecord job = jobs.record(ctx.pathParam("id"));
        ArchiveFormat format;
        try {
            format = ArchiveFormat.parse(ctx.queryParam("format") == null ? "tar.gz" : ctx.queryParam("format"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("query parameter format: " + e.getMessage());
        }
        ArchiveFilter filter = filter(ctx.queryParam("frames"), ctx.queryParam("files"), job.spec().frames());
        ctx.contentType(format.contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"" + job.jobId() + "." + format.value() + "\"");
        OutputStream out = ctx.outputStream();
        try {
            streamer.stream(job.jobId(), format, filter, out);
        } catch (NoSuchFileException e) {
            // Nothing was sent yet: the job exists but its dataset directory does not.
            throw new IllegalStateException("job " + job.jobId() + " has no dataset directory yet");
        }
        out.flush();
    }

    private static ArchiveFilter filter(String frames, String files, int frameCount) {
        int first = 0;
        int last = frameCount - 1;
        if (frames != null) {
            Matcher m = RANGE.matcher(frames);
            if (!m.matches() || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
                throw new BadRequestException("query parameter frames = '" + frames
                        + "': expected first-last with first <= last, e.g. 0-99");
            }
            first = Integer.parseInt(m.group(1));
            last = Math.min(last, Integer.parseInt(m.group(2)));
        }
        Set<String> names = files == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(files.split(",")));
        try {
            return new ArchiveFilter(first, Math.max(first, last), names);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("query parameters frames/files: " + e.getMessage());
        }
    }
}
