package io.photonfarm.coordinator.gallery;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;
import io.photonfarm.api.farm.FrameEntry;
import io.photonfarm.api.farm.FramePage;
import io.photonfarm.coordinator.dataset.DatasetLayout;
import io.photonfarm.coordinator.http.ApiServer;
import io.photonfarm.coordinator.http.BadRequestException;
import io.photonfarm.coordinator.http.Role;
import io.photonfarm.coordinator.jobs.JobRecord;
import io.photonfarm.coordinator.jobs.JobService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A job's dataset as the browser reads it: pages of frames, a frame's files, thumbnails, label
 * passes drawn for the eye, and the live preview of the frame being assembled.
 */
public final class FrameRoutes implements Consumer<ApiServer.Registrar> {
    /** The most frames one page lists. */
    public static final int MAX_PAGE = 200;
    static final int DEFAULT_PAGE = 48;
    /** File names a frame directory holds: no separators, no leading dot. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String FRAME = "/api/v1/jobs/{id}/frames/{frame}";

    private final JobService jobs;
    private final DatasetLayout layout;
    private final Thumbnails thumbnails;
    private final FramePreview preview;

    public FrameRoutes(JobService jobs, DatasetLayout layout, Thumbnails thumbnails, FramePreview preview) {
        this.jobs = jobs;
        this.layout = layout;
        this.thumbnails = thumbnails;
        this.preview = preview;
    }

    @Override
    public void accept(ApiServer.Registrar r) {
        r.add(HandlerType.GET, "/api/v1/jobs/{id}/frames", Role.CLIENT, this::page);
        r.add(HandlerType.GET, FRAME + "/files/{name}", Role.CLIENT, this::file);
        r.add(HandlerType.GET, FRAME + "/thumbnail", Role.CLIENT, this::thumbnail);
        r.add(HandlerType.GET, FRAME + "/view/{pass}", Role.CLIENT, this::view);
        r.add(HandlerType.GET, "/api/v1/jobs/{id}/preview", Role.CLIENT, this::preview);
        r.add(HandlerType.GET, "/api/v1/jobs/{id}/files/{name}", Role.CLIENT, this::jobFile);
    }

    private void page(Context ctx) throws IOException {
        // The record and the written-frame counter, not the job's view: that counts every unit of the job.
        JobRecord job = jobs.record(ctx.pathParam("id"));
        int frames = job.spec().frames();
        int offset = intParam(ctx, "offset", 0, 0, frames);
        int limit = intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        List<FrameEntry> items = new ArrayList<>();
        for (int f = offset; f < Math.min(frames, offset + limit); f++) {
            Path dir = layout.frameDir(job.jobId(), f);
            boolean written = Files.isRegularFile(dir.resolve(DatasetLayout.META_JSON), LinkOption.NOFOLLOW_LINKS);
            items.add(new FrameEntry(f, written, written ? files(dir) : List.of()));
        }
        ctx.json(new FramePage(frames, jobs.framesWritten(job), offset, limit, items));
    }

    private void file(Context ctx) throws IOException {
        Path dir = writtenFrame(ctx).dir();
        String name = ctx.pathParam("name");
        if (!FILE_NAME.matcher(name).matches()) {
            throw new BadRequestException("file name '" + name + "': expected 1-128 characters of [A-Za-z0-9._-], "
                    + "not starting with '.' or '-'");
        }
        send(ctx, dir.resolve(name), "frame " + ctx.pathParam("frame") + " of job " + ctx.pathParam("id")
                + " has no file '" + name + "'");
    }

    /** A file of the job directory itself (job.json, conventions.json, stats.json): never a directory's content. */
    private void jobFile(Context ctx) throws IOException {
        JobRecord job = jobs.record(ctx.pathParam("id"));
        String name = ctx.pathParam("name");
        if (!FILE_NAME.matcher(name).matches()) {
            throw new BadRequestException("file name '" + name + "': expected 1-128 characters of [A-Za-z0-9._-], "
                    + "not starting with '.' or '-'");
        }
        send(ctx, layout.jobDir(job.jobId()).resolve(name), "job " + job.jobId() + " has no file '" + name + "'");
    }

    private static void send(Context ctx, Path file, String missing) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotFoundResponse(missing);
        }
        ctx.contentType(contentType(file.getFileName().toString()));
        ctx.header("Cache-Control", "private, max-age=60");
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            in.transferTo(ctx.outputStream());
        }
    }

    private void thumbnail(Context ctx) throws IOException {
        WrittenFrame f = writtenFrame(ctx);
        png(ctx, thumbnails.thumbnail(f.job().jobId(), f.frame()));
    }

    private void view(Context ctx) throws IOException {
        Path dir = writtenFrame(ctx).dir();
        String name = ctx.pathParam("pass");
        PassView view = PassView.parse(name).orElseThrow(() -> new BadRequestException("view '" + name
                + "': known views are " + String.join(", ", java.util.Arrays.stream(PassView.values())
                        .map(v -> v.name().toLowerCase(Locale.ROOT)).toList())));
        if (!view.availableIn(dir)) {
            throw new NotFoundResponse("frame " + ctx.pathParam("frame") + " of job " + ctx.pathParam("id") + " has no "
                    + view.source() + " (the job did not ask for that pass)");
        }
        png(ctx, Png.encode(view.draw(dir)));
    }

    private void preview(Context ctx) throws IOException {
        JobRecord job = jobs.record(ctx.pathParam("id"));
        OptionalInt frame = ctx.queryParam("frame") != null
                ? OptionalInt.of(intParam(ctx, "frame", 0, 0, job.spec().frames() - 1))
                : preview.frameInProgress(job.jobId());
        if (frame.isEmpty()) {
            ctx.status(204);
            return;
        }
        FramePreview.Image img = preview.draw(job.jobId(), job.spec(), frame.getAsInt());
        ctx.header("X-Frame", Integer.toString(img.frame()));
        ctx.header("X-Samples-Received", Long.toString(img.samplesReceived()));
        ctx.header("X-Samples-Expected", Long.toString(img.samplesExpected()));
        ctx.header("Cache-Control", "no-store");
        png(ctx, img.png());
    }

    private static void png(Context ctx, byte[] bytes) {
        ctx.contentType("image/png");
        ctx.result(bytes);
    }

    /** A written frame of a job, and its directory. */
    private record WrittenFrame(JobRecord job, int frame, Path dir) {
    }

    /** The path's frame of the path's job, which must be written (else 404). */
    private WrittenFrame writtenFrame(Context ctx) {
        JobRecord job = jobs.record(ctx.pathParam("id"));
        int frame = frameParam(ctx, job);
        Path dir = layout.frameDir(job.jobId(), frame);
        if (!Files.isRegularFile(dir.resolve(DatasetLayout.META_JSON), LinkOption.NOFOLLOW_LINKS)) {
            throw new NotFoundResponse("frame " + frame + " of job " + job.jobId() + " is not written yet");
        }
        return new WrittenFrame(job, frame, dir);
    }

    private static int frameParam(Context ctx, JobRecord job) {
        String raw = ctx.pathParam("frame");
        int frames = job.spec().frames();
        try {
            int f = Integer.parseInt(raw);
            if (f >= 0 && f < frames) {
                return f;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException("frame '" + raw + "': job " + job.jobId() + " has frames 0.." + (frames - 1));
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException("query parameter " + name + " = '" + raw + "': expected an integer in ["
                + min + ", " + max + "]");
    }

    private static List<String> files(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (FILE_NAME.matcher(n).matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(n);
                }
            }
        }
        names.sort(null);
        return names;
    }

    static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        } else if (lower.endsWith(".json")) {
            return "application/json";
        } else if (lower.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }
}
