package io.photonfarm.coordinator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.tile.TileResultCodec;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.coordinator.assembly.FrameCompletion;
import io.photonfarm.coordinator.assets.AssetLibrary;
import io.photonfarm.coordinator.assets.AssetSceneSource;
import io.photonfarm.coordinator.cluster.HazelcastMembers;
import io.photonfarm.coordinator.dataset.DatasetLayout;
import io.photonfarm.coordinator.dataset.FrameAssembler;
import io.photonfarm.coordinator.dataset.TileSpool;
import io.photonfarm.coordinator.events.EventBus;
import io.photonfarm.coordinator.events.HzEventBus;
import io.photonfarm.coordinator.http.ApiServer;
import io.photonfarm.coordinator.assets.AssetEnvironmentMaps;
import io.photonfarm.recipe.draw.PhotoTextures;
import io.photonfarm.coordinator.dashboard.FarmStatusService;
import io.photonfarm.coordinator.dashboard.FrameRate;
import io.photonfarm.coordinator.dashboard.LiveStatus;
import io.photonfarm.coordinator.dashboard.StatusRoutes;
import io.photonfarm.coordinator.dashboard.ThroughputHistory;
import io.photonfarm.coordinator.gallery.FramePreview;
import io.photonfarm.coordinator.gallery.FrameRoutes;
import io.photonfarm.coordinator.gallery.Thumbnails;
import io.photonfarm.coordinator.http.ArchiveRoutes;
import io.photonfarm.coordinator.http.AssetRoutes;
import io.photonfarm.coordinator.http.EventRoutes;
import io.photonfarm.coordinator.http.JobRoutes;
import io.photonfarm.coordinator.http.NodeRoutes;
import io.photonfarm.coordinator.web.SessionRoutes;
import io.photonfarm.coordinator.web.WebAssets;
import io.photonfarm.coordinator.web.WebRoutes;
import io.photonfarm.coordinator.http.Route;
import io.photonfarm.coordinator.jobs.BuiltinSceneSource;
import io.photonfarm.coordinator.jobs.JobCatalog;
import io.photonfarm.coordinator.jobs.JobRecord;
import io.photonfarm.coordinator.jobs.JobService;
import io.photonfarm.coordinator.jobs.ProgressNotifier;
import io.photonfarm.coordinator.jobs.SceneCatalog;
import io.photonfarm.coordinator.jobs.RecipeSequenceSuccessors;
import io.photonfarm.coordinator.labels.FrameLabeler;
import io.photonfarm.coordinator.labels.JobLabels;
import io.photonfarm.coordinator.nodes.NodeRecord;
import io.photonfarm.coordinator.nodes.NodeRegistry;
import io.photonfarm.coordinator.frames.FrameLedger;
import io.photonfarm.coordinator.frames.HzFrameLedger;
import io.photonfarm.coordinator.schedule.HzWorkStore;
import io.photonfarm.coordinator.schedule.JobPlanner;
import io.photonfarm.coordinator.schedule.LeaseReaper;
import io.photonfarm.coordinator.store.WritePolicy;
import io.photonfarm.coordinator.work.WorkService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.nio.file.Path;
import io.photonfarm.coordinator.camera.CameraDevelopment;
import io.photonfarm.coordinator.camera.CameraModels;
import io.photonfarm.coordinator.camera.DomainGap;
import io.photonfarm.coordinator.camera.CameraRoutes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One coordinator: a Hazelcast member holding (a share of) the farm's job and tile state, the HTTP
 * API nodes and clients talk to, and the frame assembly that writes the dataset. Start as many as
 * the farm needs high availability; any of them serves any node. Closing it leaves the cluster
 * cleanly (other members keep every job thanks to backups; the last one out flushes to the database).
 */
public final class Coordinator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Coordinator.class.getName());

    private final CoordinatorSettings settings;
    private final HazelcastInstance hz;
    private final HzWorkStore store;
    private final ScheduledExecutorService timer;
    private final ExecutorService assembly;
    private final TileSpool spool;
    private final CameraDevelopment development;
    private final ApiServer server;
    private final int port;

    private Coordinator(CoordinatorSettings s) {
        this.settings = s;
        try {
            Files.createDirectories(s.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("creating the data directory " + s.dataDir() + ": " + e.getMessage(), e);
        }
        Clock clock = Clock.systemUTC();
        ObjectMapper json = jsonMapper();
        String ns = CoordinatorSettings.NAMESPACE;
        this.hz = HazelcastMembers.start(s.cluster());
        boolean started = false;
        try {
            declareMaps(ns, s);
            this.store = new HzWorkStore(hz, ns, s.backupCount(), s.policy(), s.durability(), HzWorkStore.DEFAULT_UNIT_WRITES);
            FrameLedger ledger = new HzFrameLedger(hz, ns, s.backupCount(), s.durability(), WritePolicy.behind(1));
            EventBus events = new HzEventBus(hz, ns, json);
            AssetLibrary assets = new AssetLibrary(s.dataDir().resolve("assets"), s.assets(), json, clock);
            SceneCatalog scenes = new SceneCatalog(List.of(new BuiltinSceneSource(), new AssetSceneSource(assets)),
                    new AssetEnvironmentMaps(assets), new PhotoTextures(assets::photoFolder));
            Function<String, List<Path>> photos = ref -> {
                try {
                    return assets.photos(ref);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            JobCatalog catalog = new JobCatalog(hz.getMap(ns + ".job-records"), scenes, s.limits(),
                    new CameraModels(photos, assets::model));
            this.development = new CameraDevelopment(photos, assets::model);
            NodeRegistry nodes = new NodeRegistry(hz.getMap(ns + ".node-records"), hz.getMap(ns + ".node-drains"),
                    hz.getMap(ns + ".node-lost"), s.timing().lostAfterMillis());
            DatasetLayout layout = new DatasetLayout(s.dataDir().resolve("datasets"));
            long maxTilePixels = (long) s.limits().maxTileSize() * s.limits().maxTileSize();
            // The largest upload: a full-size tile with coverage counts and label records.
            long maxTileBytes = TileResultCodec.encodedSize(new TileRect(0, 0, s.limits().maxTileSize(), s.limits().maxTileSize()),
                    TileResultCodec.FLAG_COVERAGE | TileResultCodec.FLAG_LABELS);
            this.spool = new TileSpool(layout, maxTileBytes);
            this.timer = Executors.newScheduledThreadPool(2, daemon("photonfarm-timer"));
            this.assembly = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
                    daemon("photonfarm-assembly"));
            FrameLabeler labeler = new FrameLabeler(scenes::scene, new RecipeSequenceSuccessors(catalog, scenes));
            FrameCompletion frames = new FrameCompletion(layout, spool, new FrameAssembler(layout, spool, clock, labeler, development), ledger,
                    store, catalog, events, clock, assembly, json, new JobLabels(layout, labeler));
            JobService jobs = new JobService(catalog, new JobPlanner(s.limits()), store, frames, events, clock, s.policy(),
                    s.limits());
            ProgressNotifier progress = new ProgressNotifier(jobs, events, clock);
            WorkService work = new WorkService(store, catalog, nodes, frames, events, clock, timer, s.timing(), s.sizer(),
                    maxTilePixels, progress);
            FrameRate frameRate = new FrameRate(clock);
            events.subscribe(frameRate::accept);
            // Ten minutes of throughput at one point every two seconds.
            FarmStatusService status = new FarmStatusService(jobs, nodes, frameRate, new ThroughputHistory(300), clock);
            LiveStatus live = new LiveStatus(status, json);
            this.server = new ApiServer(s.tokens(), json, maxTileBytes + 4096, List.of(
                    new JobRoutes(jobs, json), new NodeRoutes(work, nodes, clock, json), new EventRoutes(events, live),
                    new ArchiveRoutes(jobs, layout), new AssetRoutes(assets, scenes, json), new StatusRoutes(status, jobs, json),
                    new FrameRoutes(jobs, layout, new Thumbnails(layout), new FramePreview(layout, spool, maxTilePixels)),
                    new CameraRoutes(jobs, new DomainGap(layout, development, json)),
                    new SessionRoutes(s.tokens(), json), new WebRoutes(new WebAssets(Coordinator.class.getClassLoader()))));
            LeaseReaper reaper = new LeaseReaper(store, clock);
            long reapEvery = Math.max(50, s.timing().leaseMillis() / 10);
            timer.scheduleWithFixedDelay(guard("requeueing expired leases", reaper), reapEvery, reapEvery, TimeUnit.MILLISECONDS);
            timer.scheduleWithFixedDelay(guard("detecting lost nodes", work::detectLostNodes), 1, 1, TimeUnit.SECONDS);
            timer.scheduleWithFixedDelay(guard("publishing progress", progress), 250, 250, TimeUnit.MILLISECONDS);
            timer.scheduleWithFixedDelay(guard("sweeping for unwritten frames", frames::sweep), 5, 5, TimeUnit.SECONDS);
            timer.scheduleWithFixedDelay(guard("sampling throughput", status::sample), 2, 2, TimeUnit.SECONDS);
            timer.scheduleWithFixedDelay(guard("pushing the farm's status", live), 1, 1, TimeUnit.SECONDS);
            int recovered = frames.recover();
            if (recovered > 0) {
                LOG.log(System.Logger.Level.INFO, "recovering {0} frames whose units were all done but which were not written",
                        recovered);
            }
            this.port = server.start(s.httpHost(), s.httpPort());
            started = true;
        } finally {
            if (!started) {
                hz.shutdown();
            }
        }
    }

    /** Starts a coordinator; it serves until closed. */
    public static Coordinator start(CoordinatorSettings settings) {
        return new Coordinator(settings);
    }

    /** The HTTP port it listens on. */
    public int port() {
        return port;
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String host = settings.httpHost().equals("0.0.0.0") ? "127.0.0.1" : settings.httpHost();
        return "http://" + host + ":" + port;
    }

    public CoordinatorSettings settings() {
        return settings;
    }

    /** The routes the API serves. */
    public List<Route> routes() {
        return server.routes();
    }

    /** Where the datasets are written: {@code <dataDir>/datasets/jobs/<jobId>/...}. */
    public java.nio.file.Path datasetRoot() {
        return settings.dataDir().resolve("datasets");
    }

    @Override
    public void close() {
        server.close();
        timer.shutdownNow();
        assembly.shutdown();
        try {
            if (!assembly.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "frame assembly still running after 60 s; stopping anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        spool.close();
        development.close();
        store.close();
        hz.shutdown();
    }

    private void declareMaps(String ns, CoordinatorSettings s) {
        var config = hz.getConfig();
        config.addMapConfig(s.durability().apply(new MapConfig(ns + ".job-records").setBackupCount(s.backupCount()),
                JobId.class, JobRecord.class, WritePolicy.THROUGH));
        config.addMapConfig(s.durability().apply(new MapConfig(ns + ".node-records").setBackupCount(s.backupCount()),
                String.class, NodeRecord.class, WritePolicy.THROUGH));
        config.addMapConfig(s.durability().apply(new MapConfig(ns + ".node-drains").setBackupCount(s.backupCount()),
                String.class, Boolean.class, WritePolicy.THROUGH));
        config.addMapConfig(new MapConfig(ns + ".node-lost").setBackupCount(s.backupCount()));
    }

    /** The JSON settings of the whole API: records by component name, unknown fields refused. */
    public static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private static Runnable guard(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, what + ": " + e, e);
            }
        };
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
