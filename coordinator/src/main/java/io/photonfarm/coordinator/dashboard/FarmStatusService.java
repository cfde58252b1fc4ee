package io.photonfarm.coordinator.dashboard;

import io.photonfarm.api.farm.Estimate;
import io.photonfarm.api.farm.FarmStatus;
import io.photonfarm.api.farm.JobProgress;
import io.photonfarm.api.farm.ThroughputPoint;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.job.JobView;
import io.photonfarm.api.node.NodeActivity;
import io.photonfarm.api.node.NodeView;
import io.photonfarm.api.job.JobId;
import io.photonfarm.coordinator.jobs.JobRecord;
import io.photonfarm.coordinator.jobs.JobService;
import io.photonfarm.coordinator.nodes.NodeRegistry;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the dashboard shows: nodes, jobs with their progress and ETA, queue depth and throughput;
 * and how long a job would take before it is submitted. Everything rests on what nodes measure and
 * report in their heartbeats (pixel samples per second), so estimates follow the real farm.
 *
 * <p>A job's view counts every unit of the job (seconds of CPU for half a million units), so each
 * job's view is taken again only after {@link #COST_FACTOR} times what its last one took: small jobs
 * are fresh at every status, and a huge one costs a bounded share of a core however often the
 * dashboard asks (as the progress events do).
 *
 * <p>ETAs model the scheduler: running jobs are served by priority (highest first), then by age
 * (oldest first); a job's ETA is the pixel samples left in it and every job ahead of it, divided by
 * the farm's throughput.
 */
public final class FarmStatusService {
    /** A job's view is reused until this many times its cost has passed. */
    static final long COST_FACTOR = 20;

    private record Cached(JobView view, long atMillis, long costMillis) {
    }

    private final Map<JobId, Cached> views = new ConcurrentHashMap<>();
    private final JobService jobs;
    private final NodeRegistry nodes;
    private final FrameRate frames;
    private final ThroughputHistory history;
    private final InstantSource clock;

    public FarmStatusService(JobService jobs, NodeRegistry nodes, FrameRate frames, ThroughputHistory history,
                             InstantSource clock) {
        this.jobs = jobs;
        this.nodes = nodes;
        this.frames = frames;
        this.history = history;
        this.clock = clock;
    }

    /**
     * What the nodes report: those not gone, those of them that measured a throughput, and its sum.
     */
    private record Throughput(int active, int measured, double samplesPerSecond) {
        static Throughput of(List<NodeView> nodes) {
            int active = 0;
            int measured = 0;
            double sum = 0;
            for (NodeView n : nodes) {
                if (n.activity() != NodeActivity.GONE) {
                    active++;
                    measured += n.samplesPerSecond() > 0 ? 1 : 0;
                    sum += n.samplesPerSecond();
                }
            }
            return new Throughput(active, measured, sum);
        }
    }

    /** The farm now, with its throughput history. */
    public FarmStatus status() {
        long now = clock.millis();
        List<NodeView> nodeViews = nodes.views(now);
        Throughput t = Throughput.of(nodeViews);
        double samplesPerSecond = t.samplesPerSecond();
        List<JobView> views = views(FarmStatus.MAX_JOBS, now);
        long queued = 0;
        long leased = 0;
        for (JobView v : views) {
            queued += v.unitsQueued();
            leased += v.unitsLeased();
        }
        Map<String, Double> etas = etas(views, samplesPerSecond);
        List<JobProgress> progress = new ArrayList<>();
        for (JobView v : views) {
            double fraction = v.units() == 0 ? 0 : Math.min(1.0, (double) v.unitsDone() / v.units());
            progress.add(new JobProgress(v, fraction, etas.get(v.id().value())));
        }
        return new FarmStatus(now, nodeViews, t.active(), progress, queued, leased, samplesPerSecond, frames.lastMinute(),
                history.points());
    }

    /** Adds the present throughput to the history; run once per sampling period. */
    public void sample() {
        long now = clock.millis();
        history.add(new ThroughputPoint(now, Throughput.of(nodes.views(now)).samplesPerSecond(), frames.lastMinute()));
    }

    /** How long {@code spec} would take, queued behind the running jobs, at the farm's throughput. */
    public Estimate estimate(JobSpec spec) {
        long now = clock.millis();
        Throughput t = Throughput.of(nodes.views(now));
        double samplesPerSecond = t.samplesPerSecond();
        int measured = t.measured();
        long pixelSamples = pixelSamples(spec);
        if (samplesPerSecond <= 0) {
            return new Estimate(pixelSamples, 0, 0, null, null,
                    "no node has reported its throughput yet: start a node, or wait for its first heartbeat");
        }
        double ahead = 0;
        for (JobView v : views(0, now)) {
            if (running(v) && v.spec().priority() >= spec.priority()) {
                ahead += remaining(v);
            }
        }
        return new Estimate(pixelSamples, samplesPerSecond, measured, ahead / samplesPerSecond,
                pixelSamples / samplesPerSecond, measured + (measured == 1 ? " node" : " nodes") + " measured at "
                        + readable(samplesPerSecond) + " pixel samples/s in total, on the scenes they rendered last");
    }

    /** The recent jobs' views, each fresh or reused by its cost (see the class comment). */
    private List<JobView> views(int maxFinished, long now) {
        List<JobView> out = new ArrayList<>();
        java.util.Set<JobId> listed = new java.util.HashSet<>();
        for (JobRecord r : jobs.recentRecords(maxFinished)) {
            Cached c = views.get(r.jobId());
            if (c == null || now >= c.atMillis() + COST_FACTOR * c.costMillis()) {
                long start = System.nanoTime();
                JobView v = jobs.view(r);
                c = new Cached(v, now, (System.nanoTime() - start) / 1_000_000);
                views.put(r.jobId(), c);
            }
            listed.add(r.jobId());
            out.add(c.view());
        }
        if (maxFinished >= FarmStatus.MAX_JOBS) {
            views.keySet().retainAll(listed);
        }
        return out;
    }

    private static Map<String, Double> etas(List<JobView> views, double samplesPerSecond) {
        Map<String, Double> out = new HashMap<>();
        if (samplesPerSecond <= 0) {
            return out;
        }
        List<JobView> running = new ArrayList<>(views.stream().filter(FarmStatusService::running).toList());
        running.sort(Comparator.comparingInt((JobView v) -> v.spec().priority()).reversed()
                .thenComparingLong(JobView::submittedAtMillis));
        double cumulative = 0;
        for (JobView v : running) {
            cumulative += remaining(v);
            out.put(v.id().value(), cumulative / samplesPerSecond);
        }
        return out;
    }

    private static boolean running(JobView v) {
        return v.status().equals("RUNNING");
    }

    /** Pixel samples not yet rendered, assuming units of equal cost. */
    private static double remaining(JobView v) {
        if (v.units() == 0) {
            return pixelSamples(v.spec());
        }
        return pixelSamples(v.spec()) * (double) (v.units() - v.unitsDone()) / v.units();
    }

    /** 2120 -> "2.12 k", 1.5e6 -> "1.50 M": three significant figures with an SI prefix. */
    static String readable(double v) {
        String[] prefixes = {"", " k", " M", " G", " T"};
        int i = 0;
        while (Math.abs(v) >= 999.5 && i < prefixes.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(java.util.Locale.ROOT, Math.abs(v) >= 99.5 ? "%.0f%s" : Math.abs(v) >= 9.95 ? "%.1f%s" : "%.2f%s",
                v, prefixes[i]);
    }

    static long pixelSamples(JobSpec spec) {
        return (long) spec.frames() * spec.width() * spec.height() * spec.spp();
    }
}
