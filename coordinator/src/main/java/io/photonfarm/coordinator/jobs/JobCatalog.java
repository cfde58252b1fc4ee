package io.photonfarm.coordinator.jobs;

import io.photonfarm.api.camera.LensDistortion;
import io.photonfarm.api.job.JobId;
import io.photonfarm.api.job.JobLimits;
import io.photonfarm.api.job.JobSpec;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.api.work.FrameSpec;
import io.photonfarm.coordinator.camera.CameraModels;
import io.photonfarm.scene.camera.CameraOrbit;
import io.photonfarm.scene.camera.LensMapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The submitted jobs' records: validates a request, resolves its scene and camera, and derives
 * each frame's {@link FrameSpec} from the record alone, so every coordinator (and every restart)
 * hands out the same frame. Records never change after submission, so they are cached locally.
 */
public final class JobCatalog {
    private final ConcurrentMap<JobId, JobRecord> records;
    private final ConcurrentMap<JobId, JobRecord> local = new ConcurrentHashMap<>();
    private final SceneCatalog scenes;
    private final JobLimits limits;
    private final CameraModels cameras;

    /**
     * @param records the shared store of job records (a Hazelcast map in a coordinator)
     * @param cameras resolves a job's camera model (presets, asset references) at submission
     */
    public JobCatalog(ConcurrentMap<JobId, JobRecord> records, SceneCatalog scenes, JobLimits limits, CameraModels cameras) {
        this.records = records;
        this.scenes = scenes;
        this.limits = limits;
        this.cameras = cameras;
    }

    /**
     * Validates a request and resolves what the job needs; stores nothing.
     *
     * @throws JobSpecException naming every bad field, its value and the limit
     */
    public JobRecord prepare(JobRequest request, long nowMillis) {
        JobSpec spec = request.toSpec();
        List<JobSpecException.Violation> bad = new ArrayList<>();
        try {
            spec.validate(limits);
        } catch (JobSpecException e) {
            bad.addAll(e.violations());
        }
        JobId id = null;
        if (request.id() != null) {
            try {
                id = new JobId(request.id());
            } catch (IllegalArgumentException e) {
                bad.add(new JobSpecException.Violation("id", request.id(),
                        "1-64 characters of [A-Za-z0-9._-], starting with a letter or digit"));
            }
        }
        CameraOrbit orbit = null;
        try {
            orbit = orbit(request.orbit());
        } catch (IllegalArgumentException e) {
            bad.add(new JobSpecException.Violation("orbit", String.valueOf(request.orbit()), e.getMessage()));
        }
        SceneCatalog.ResolvedScene scene = null;
        if (bad.stream().noneMatch(v -> v.field().equals("sceneRef") || v.field().equals("recipe"))) {
            try {
                scene = scenes.resolve(spec.sceneRef(), spec.recipe(), spec.seed(), (float) spec.width() / Math.max(1, spec.height()));
            } catch (JobSpecException e) {
                bad.addAll(e.violations());
            }
        }
        if (scene != null && scene.recipe() != null && request.orbit() != null) {
            bad.add(new JobSpecException.Violation("orbit", String.valueOf(request.orbit()),
                    "absent for recipes (the recipe's camera section draws each frame's camera)"));
        }
        LensDistortion lens = lens(spec);
        if (scene != null && lens != null && bad.stream().noneMatch(v -> v.field().startsWith("camera.lens")
                || v.field().equals("width") || v.field().equals("height"))) {
            // Orbits keep the scene camera's field of view; a recipe's frames draw theirs up to the widest.
            double vfov = scene.recipe() != null ? scenes.sampler(scene.recipe()).recipe().cameraOrDefault().widestVfovDeg()
                    : scene.camera().vfovDeg();
            LensMapping.of(lens).checkOverImage("camera.lens", spec.width(), spec.height(), vfov, bad);
        }
        if (spec.camera() != null && bad.stream().noneMatch(v -> v.field().startsWith("camera"))) {
            spec = spec.withCamera(cameras.resolve(spec.camera(), bad));
        }
        if (!bad.isEmpty()) {
            throw new JobSpecException(bad);
        }
        if (JobSpec.INLINE_RECIPE.equals(spec.sceneRef())) {
            spec = spec.withRecipe(scene.recipe()); // stored canonical
        }
        if (id == null) {
            id = new JobId("job-" + UUID.randomUUID().toString().substring(0, 8));
        }
        return new JobRecord(id, spec, scene.sceneHash(), Cameras.toPose(scene.camera()), orbit.maxAzimuthDeg(),
                orbit.maxElevationDeg(), orbit.maxDistanceScale(), nowMillis);
    }

    /** Stores a prepared record; false if a job with its id exists already. */
    public boolean store(JobRecord record) {
        return records.putIfAbsent(record.jobId(), record) == null;
    }

    public Optional<JobRecord> get(JobId jobId) {
        JobRecord r = local.get(jobId);
        if (r == null) {
            r = records.get(jobId);
            if (r != null) {
                local.putIfAbsent(jobId, r);
            }
        }
        return Optional.ofNullable(r);
    }

    /** Every job, newest first. */
    public List<JobRecord> all() {
        List<JobRecord> out = new ArrayList<>(records.values());
        out.sort(Comparator.comparingLong(JobRecord::submittedAtMillis).reversed().thenComparing(r -> r.jobId().value()));
        return out;
    }

    /** The job's lens distortion ({@code camera.lens}), or null for none. */
    private static LensDistortion lens(JobSpec s) {
        return s.camera() == null ? null : s.camera().lens();
    }

    /**
     * Frame {@code frame} of a job: the same on every coordinator, at any time. For a recipe the frame's
     * camera is the one drawn with its scene, its scene hash is the frame's own, and it carries the recipe.
     * The job's lens distortion ({@code camera.lens}) applies to every frame's camera.
     */
    public FrameSpec frame(JobRecord job, int frame) {
        JobSpec s = job.spec();
        if (RecipeScenes.isRecipe(s.sceneRef())) {
            String recipe = scenes.recipeText(s);
            var drawn = scenes.drawn(recipe, s.seed(), frame);
            return new FrameSpec(job.jobId(), frame, s.sceneRef(), scenes.frameSceneHash(recipe, s.seed(), frame), s.width(),
                    s.height(), s.seed(), s.maxBounces(), Cameras.toPose(drawn.frame().camera()).withLens(lens(s)), s.labels(),
                    recipe);
        }
        CameraOrbit orbit = new CameraOrbit(job.orbitAzimuthDeg(), job.orbitElevationDeg(), job.orbitDistanceScale());
        var pose = orbit.poseOf(Cameras.toSpec(job.baseCamera()), s.seed(), frame);
        return new FrameSpec(job.jobId(), frame, s.sceneRef(), job.sceneHash(), s.width(), s.height(), s.seed(),
                s.maxBounces(), Cameras.toPose(pose).withLens(lens(s)), s.labels());
    }

    /** What a recipe job's frame drew (for meta.json); empty when the job's scene is not a recipe. */
    public Optional<io.photonfarm.coordinator.dataset.RecipeFrame> recipeFrame(JobRecord job, int frame) {
        JobSpec s = job.spec();
        if (!RecipeScenes.isRecipe(s.sceneRef())) {
            return Optional.empty();
        }
        return Optional.of(scenes.recipeFrame(scenes.recipeText(s), s.seed(), frame));
    }

    /**
     * The class histogram and rare-case counts of a recipe job's frames (each frame holds exactly the
     * classes drawn for it: a frame whose objects cannot all be placed fails rather than dropping one);
     * empty when the job's scene is not a recipe.
     */
    public Optional<RecipeStats> recipeStats(JobRecord job) {
        JobSpec s = job.spec();
        if (!RecipeScenes.isRecipe(s.sceneRef())) {
            return Optional.empty();
        }
        var sampler = scenes.sampler(scenes.recipeText(s));
        java.util.Map<String, Long> histogram = new java.util.TreeMap<>();
        java.util.Map<String, Long> rare = new java.util.TreeMap<>();
        sampler.recipe().rareCasesOrEmpty().forEach(c -> rare.put(c.name(), 0L));
        long objects = 0;
        for (int k = 0; k < s.frames(); k++) {
            for (String c : sampler.classes(s.seed(), k)) {
                histogram.merge(c, 1L, Long::sum);
                objects++;
            }
            for (String c : sampler.rareCases(s.seed(), k)) {
                rare.merge(c, 1L, Long::sum);
            }
        }
        java.util.Map<String, Double> achieved = new java.util.TreeMap<>();
        long total = objects;
        histogram.forEach((c, n) -> achieved.put(c, total == 0 ? 0 : (double) n / total));
        return Optional.of(new RecipeStats(sampler.recipeHash(), s.frames(), objects, histogram, achieved,
                new java.util.TreeMap<>(sampler.expectedShares()), rare));
    }

    private static CameraOrbit orbit(JobRequest.OrbitRequest o) {
        CameraOrbit d = CameraOrbit.DEFAULT;
        if (o == null) {
            return d;
        }
        return new CameraOrbit(o.azimuthDeg() == null ? d.maxAzimuthDeg() : o.azimuthDeg(),
                o.elevationDeg() == null ? d.maxElevationDeg() : o.elevationDeg(),
                o.distanceScale() == null ? d.maxDistanceScale() : o.distanceScale());
    }
}
