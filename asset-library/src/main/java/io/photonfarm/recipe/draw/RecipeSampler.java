package io.photonfarm.recipe.draw;

import io.photonfarm.recipe.MaterialSpec;
import io.photonfarm.recipe.ObjectMotion;
import io.photonfarm.recipe.ObjectPool;
import io.photonfarm.recipe.Range;
import io.photonfarm.recipe.RareCase;
import io.photonfarm.recipe.Recipe;
import io.photonfarm.recipe.RecipeJson;
import io.photonfarm.recipe.RecipeValidator;
import io.photonfarm.recipe.Support;
import io.photonfarm.scene.CameraSpec;
import io.photonfarm.scene.Material;
import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.builtin.MeshBuilder;
import io.photonfarm.scene.procedural.ProceduralAssets;
import io.photonfarm.scene.procedural.ProceduralModel;
import io.photonfarm.scene.procedural.Scenery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/**
 * Draws concrete scenes from a recipe. Frame {@code k}'s scene is a pure function of (recipe, job
 * seed, k): every draw comes from a {@link DrawRng} keyed by (seed, unit, purpose), where the unit is
 * the frame, or its sequence when frames form sequences; nothing carries over between calls but a memo of
 * the last sequence's object trajectories, itself a pure function of (recipe, seed, sequence). So
 * drawing frame k alone gives exactly the frame k of a whole job, on any machine. Safe for
 * concurrent use (the procedural models it keeps never change).
 */
public final class RecipeSampler {
    /** Bumped whenever the same recipe, seed and frame would draw a different scene, so caches keyed by hash miss. */
    public static final int GENERATOR_VERSION = 1;
    private static final float GROUND_SIZE = 20f;

    private final Recipe recipe;
    private final String recipeHash;
    private final ProceduralAssets assets;
    private final EnvironmentMaps maps;
    private final TextureImages images;
    private final List<PoolDraw> pools = new ArrayList<>();
    /** The last sequence's trajectories (a pure function of recipe, seed and unit, so safe to share). */
    private final java.util.concurrent.atomic.AtomicReference<Plan> lastPlan = new java.util.concurrent.atomic.AtomicReference<>();

    /** A sampler for recipes without image textures. @param recipe a recipe; validated here */
    public RecipeSampler(Recipe recipe, ProceduralAssets assets, EnvironmentMaps maps) {
        this(recipe, assets, maps, TextureImages.NONE);
    }

    /**
     * @param recipe a recipe; validated here
     * @param images the photo sets its image textures name
     */
    public RecipeSampler(Recipe recipe, ProceduralAssets assets, EnvironmentMaps maps, TextureImages images) {
        this.images = images;
        this.recipe = RecipeValidator.validate(recipe);
        this.recipeHash = RecipeJson.hash(recipe);
        this.assets = assets;
        this.maps = maps;
        for (int i = 0; i < recipe.objects().size(); i++) {
            pools.add(new PoolDraw(recipe.objects().get(i), i, recipe.balanced()));
        }
    }

    public Recipe recipe() {
        return recipe;
    }

    /** Hex SHA-256 of the canonical recipe. */
    public String recipeHash() {
        return recipeHash;
    }

    /** The drawing unit of {@code frame}: the frame itself, or its sequence. */
    public long unitOf(int frame) {
        return frame / recipe.framesPerSequence();
    }

    /** The classes of frame {@code frame}'s annotated objects, without building the scene (for statistics). */
    public List<String> classes(long seed, int frame) {
        List<String> out = new ArrayList<>();
        long unit = unitOf(frame);
        for (PoolDraw p : pools) {
            if (!p.pool().distracts()) {
                out.addAll(p.draw(seed, unit));
            }
        }
        return out;
    }

    /** The names of the rare cases frame {@code frame} has, in recipe order, without building the scene. */
    public List<String> rareCases(long seed, int frame) {
        long unit = unitOf(frame);
        List<String> out = new ArrayList<>();
        for (RareCase c : recipe.rareCasesOrEmpty()) {
            if (DrawRng.of(seed, unit, "rare:" + c.name()).chance(c.frequency())) {
                out.add(c.name());
            }
        }
        return out;
    }

    /**
     * The expected share of each annotated class over a job (each pool's weights times its mean count),
     * in order of first appearance; shares sum to 1.
     */
    public Map<String, Double> expectedShares() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        double total = 0;
        for (PoolDraw p : pools) {
            if (p.pool().distracts()) {
                continue;
            }
            double mean = (p.pool().countOrDefault().min() + p.pool().countOrDefault().max()) / 2.0;
            double[] shares = p.shares();
            for (int i = 0; i < shares.length; i++) {
                out.merge(p.classNames().get(i), shares[i] * mean, Double::sum);
                total += shares[i] * mean;
            }
        }
        double t = total;
        out.replaceAll((k, v) -> t > 0 ? v / t : 0);
        return out;
    }

    /**
     * Draws frame {@code frame} of a job with seed {@code seed}.
     *
     * @throws PlacementException if its objects cannot be placed without interpenetration
     */
    public DrawnScene draw(long seed, int frame) {
        if (frame < 0) {
            throw new IllegalArgumentException("frame must be >= 0, was " + frame);
        }
        int perSequence = recipe.framesPerSequence();
        long unit = frame / perSequence;
        int inSequence = frame % perSequence;
        List<String> rare = rareCases(seed, frame);
        double lightScale = 1;
        boolean upsideDown = false;
        boolean occluder = false;
        List<String> notRendered = new ArrayList<>();
        RareCase shake = null;
        for (RareCase c : recipe.rareCasesOrEmpty()) {
            if (rare.contains(c.name())) {
                lightScale *= c.lightScale() == null ? 1 : c.lightScale();
                upsideDown |= Boolean.TRUE.equals(c.unusualPose());
                occluder |= Boolean.TRUE.equals(c.occluder());
                if (Boolean.TRUE.equals(c.motionBlur()) && shake == null) {
                    shake = c;
                }
            }
        }
        double shutter = recipe.sequence() == null ? 0 : recipe.sequence().shutter();

        SceneParts parts = new SceneParts();
        Support support = recipe.supportOrDefault();
        Scenery.SupportSurface surface = addSupport(parts, support, DrawRng.of(seed, unit, "support"), images);

        Placer placer = new Placer(recipe.placementOrDefault(), surface, DrawRng.of(seed, unit, "place"));
        List<Pending> pending = new ArrayList<>();
        for (PoolDraw pd : pools) {
            ObjectPool pool = pd.pool();
            List<String> classes = pd.draw(seed, unit);
            DrawRng scales = DrawRng.of(seed, unit, "scale:" + pd.poolIndex());
            Map<String, DrawnLook> perClass = new HashMap<>();
            for (int j = 0; j < classes.size(); j++) {
                String cls = classes.get(j);
                ProceduralModel model = assets.model(pool.asset(), cls).orElseThrow();
                float scale = (float) scales.in(Range.or(pool.scale(), 1, 1));
                MaterialSpec ms = pool.material();
                String defaultLook = pool.asset().equals("procedural:domino") ? "ivory" : "plastic";
                DrawnLook look = ms != null && ms.perClass()
                        ? perClass.computeIfAbsent(cls, k -> DrawnLook.draw(ms, defaultLook,
                                DrawRng.of(seed, unit, "material:" + pd.poolIndex() + ":" + k), images))
                        : DrawnLook.draw(ms, defaultLook, DrawRng.of(seed, unit, "material:" + pd.poolIndex() + ":" + j), images);
                String name = (pool.distracts() ? "distractor_" : "") + cls + "_" + pending.size();
                Placer.Placed placed = placer.place(model, scale, upsideDown,
                        "object " + j + " (" + cls + ") of objects[" + pd.poolIndex() + "] in frame " + frame);
                int[] slots = new int[model.slots().size()];
                slots[0] = parts.material(look, name);
                for (int s = 1; s < slots.length; s++) {
                    slots[s] = parts.material(Material.diffuse(name + "_" + model.slots().get(s), look.markColour()));
                }
                pending.add(new Pending(model, slots, name, cls, pool.asset(), pd.poolIndex(), look.look(), pool.distracts(),
                        look.image() == null ? null : look.image().source()));
            }
        }
        // Instances are added once every object is placed: their motion depends on all of them.
        List<ObjectTrajectories.Trajectory> paths = motions(placer, surface, seed, unit);
        double tau = inSequence - (perSequence - 1) / 2.0;
        List<DrawnFrame.DrawnObject> objects = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            Placer.Placed placed = placer.placed().get(i);
            ObjectTrajectories.Trajectory path = paths.get(i);
            Matrix4f pose = path == null ? placed.objectToWorld() : path.pose(placed.objectToWorld(), tau);
            int instance = parts.instance(p.model().mesh(), p.slots(), pose, p.name(), p.distractor() ? "" : p.className(),
                    path == null || shutter <= 0 ? null : path.velocity(placed.objectToWorld(), tau));
            DrawnFrame.DrawnMotion motion = path == null ? null
                    : new DrawnFrame.DrawnMotion(path.vx(), path.vz(), Math.toDegrees(path.spinRad()));
            objects.add(new DrawnFrame.DrawnObject(instance, p.name(), p.className(), p.asset(), p.pool(), p.look(),
                    p.distractor(), placed.stacked(), upsideDown, motion, p.image()));
        }

        Vector3f target = target(placer, surface);
        FrameLights.Drawn env = FrameLights.environment(recipe.lightingOrDefault(), DrawRng.of(seed, unit, "sky"), lightScale, maps);
        int areaLights = FrameLights.addAreaLights(recipe.lightingOrDefault().areaLights(), DrawRng.of(seed, unit, "lights"),
                parts, target, surface.height(), lightScale);
        CameraSpec camera = FrameCamera.draw(recipe.cameraOrDefault(), recipe.sequence(), DrawRng.of(seed, unit, "camera"),
                target, inSequence, perSequence, shutter);
        if (shake != null) {
            // Drawn per frame: a shaken sequence shakes differently in every frame.
            DrawRng rng = DrawRng.of(seed, unit, "shake:" + inSequence);
            double axis = 2 * Math.PI * rng.nextDouble();
            double angle = Math.toRadians(rng.in(Range.or(shake.blurDeg(), 0.5, 2)));
            double exposure = shutter > 0 ? shutter : 1;
            camera = FrameCamera.shake(camera, axis, angle, exposure);
        }
        if (occluder) {
            // Placed from the sequence's middle camera, not this frame's: the occluder stays put while the camera moves.
            addOccluder(parts, perSequence == 1 ? camera : FrameCamera.draw(recipe.cameraOrDefault(), recipe.sequence(),
                    DrawRng.of(seed, unit, "camera"), target, (perSequence - 1) / 2, perSequence, 0));
        }
        DrawnFrame record = new DrawnFrame(frame, unit, inSequence, seed, recipeHash, objects, rare,
                new DrawnFrame.DrawnLighting(env.sunElevationDeg(), env.sunAzimuthDeg(), env.map(), areaLights, lightScale),
                camera, notRendered);
        return new DrawnScene(parts.scene(camera, env.environment()), record);
    }

    /** An object drawn and placed, waiting for its motion before it becomes an instance. */
    private record Pending(ProceduralModel model, int[] slots, String name, String className, String asset, int pool,
            String look, boolean distractor, DrawnFrame.TextureImage image) {
    }

    /** The trajectories of the sequence's objects, and the (seed, unit) they were planned for. */
    private record Plan(long seed, long unit, List<ObjectTrajectories.Trajectory> paths) {
    }

    /**
     * The trajectories of the placed objects (all null without object motion). Every frame of a sequence
     * has the same ones, and planning checks the whole sequence, so the last plan is kept: frames of a
     * sequence are mostly drawn one after another.
     */
    private List<ObjectTrajectories.Trajectory> motions(Placer placer, Scenery.SupportSurface surface, long seed, long unit) {
        ObjectMotion motion = recipe.sequence() == null ? null : recipe.sequence().objectMotion();
        if (motion == null) {
            return java.util.Collections.nCopies(placer.placed().size(), null);
        }
        Plan last = lastPlan.get();
        if (last != null && last.seed() == seed && last.unit() == unit) {
            return last.paths();
        }
        List<ObjectTrajectories.Trajectory> paths = java.util.Collections.unmodifiableList(ObjectTrajectories.plan(
                placer.placed(), surface, motion, recipe.framesPerSequence(), recipe.placementOrDefault().minGapOrDefault(),
                i -> DrawRng.of(seed, unit, "motion:" + i)));
        lastPlan.set(new Plan(seed, unit, paths));
        return paths;
    }

    /** Whether the recipe's objects may move within a sequence, so that each frame has a scene of its own. */
    public boolean objectsMove() {
        return recipe.sequence() != null && recipe.sequence().objectMotion() != null;
    }

    /** Adds the support's scenery; returns the area objects are placed on. */
    private static Scenery.SupportSurface addSupport(SceneParts parts, Support support, DrawRng rng, TextureImages images) {
        MaterialSpec groundSpec = new MaterialSpec(List.of("rubber"), new MaterialSpec.ColorSpec(Range.of(0, 360),
                Range.of(0, 0.15), Range.of(0.25, 0.55)), Range.of(0.8, 1), null,
                new MaterialSpec.TextureChoice(List.of("noise"), 1.0, null), null);
        if (support.tabletop()) {
            DrawnLook top = DrawnLook.draw(support.material() == null ? new MaterialSpec(List.of("wood"), null, null, null, null, null)
                    : support.material(), "wood", rng, images);
            DrawnLook floor = DrawnLook.draw(groundSpec, "rubber", rng);
            int topMat = parts.material(top, "table");
            int floorMat = parts.material(floor, "ground");
            parts.instance(Scenery.table(0, 0), new int[] {topMat}, new Matrix4f(), "table", "");
            parts.instance(Scenery.ground(GROUND_SIZE, 0), new int[] {floorMat}, new Matrix4f(), "ground", "");
            Scenery.SupportSurface full = Scenery.tableSurface(0.05f);
            float hx = support.sizeX() == null ? full.halfX() : (float) (support.sizeX() / 2);
            float hz = support.sizeZ() == null ? full.halfZ() : (float) (support.sizeZ() / 2);
            return new Scenery.SupportSurface(0, Scenery.TABLE_HEIGHT, 0, hx, hz);
        }
        DrawnLook floor = DrawnLook.draw(support.material() == null ? groundSpec : support.material(), "rubber", rng, images);
        parts.instance(Scenery.ground(GROUND_SIZE, 0), new int[] {parts.material(floor, "ground")}, new Matrix4f(), "ground", "");
        float hx = support.sizeX() == null ? 0.5f : (float) (support.sizeX() / 2);
        float hz = support.sizeZ() == null ? 0.5f : (float) (support.sizeZ() / 2);
        return new Scenery.SupportSurface(0, 0, 0, hx, hz);
    }

    /** The camera's target: the recipe's, or the centre of the placed objects' bounds, or the support's centre. */
    private Vector3f target(Placer placer, Scenery.SupportSurface surface) {
        List<Double> t = recipe.cameraOrDefault().target();
        if (t != null) {
            return new Vector3f(t.get(0).floatValue(), t.get(1).floatValue(), t.get(2).floatValue());
        }
        if (placer.placed().isEmpty()) {
            return new Vector3f(surface.centreX(), surface.height(), surface.centreZ());
        }
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Placer.Placed p : placer.placed()) {
            OrientedBox b = p.box();
            double[] c = {b.centre().x, b.centre().y, b.centre().z};
            for (int a = 0; a < 3; a++) {
                double e = b.extentAlong(new org.joml.Vector3d(a == 0 ? 1 : 0, a == 1 ? 1 : 0, a == 2 ? 1 : 0));
                lo[a] = Math.min(lo[a], c[a] - e);
                hi[a] = Math.max(hi[a], c[a] + e);
            }
        }
        return new Vector3f((float) ((lo[0] + hi[0]) / 2), (float) ((lo[1] + hi[1]) / 2), (float) ((lo[2] + hi[2]) / 2));
    }

    /**
     * Heavy occlusion: a grey box halfway between the camera and its target, about a third of the
     * view high (it floats; it is scenery, not annotated).
     */
    private static void addOccluder(SceneParts parts, CameraSpec camera) {
        Vector3f mid = new Vector3f(camera.position()).add(camera.lookAt()).mul(0.5f);
        float d = camera.position().distance(camera.lookAt());
        float h = (float) (0.22 * d * StrictMath.tan(Math.toRadians(camera.vfovDeg() / 2)));
        MeshBuilder box = new MeshBuilder().addBox(new Vector3f(mid).sub(h, h, h), new Vector3f(mid).add(h, h, h), 0);
        int mat = parts.material(Material.diffuse("occluder", new Rgb(0.35f, 0.35f, 0.35f)));
        parts.instance(box.build("occluder"), new int[] {mat}, new Matrix4f(), "occluder", "");
    }
}
