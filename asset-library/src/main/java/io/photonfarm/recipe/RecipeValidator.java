package io.photonfarm.recipe;

import io.photonfarm.scene.procedural.ColourTemperature;
import io.photonfarm.scene.procedural.ProceduralAssets;
import io.photonfarm.scene.procedural.ProceduralTextures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@link Recipe} against every rule of version 1 and reports all violations at once, each
 * with its JSON path ({@code objects[2].count.max must be >= min (min 3, max 1)}).
 */
public final class RecipeValidator {
    /** The most objects a frame may hold over all pools. */
    public static final int MAX_OBJECTS = 200;
    /** The most area lights per frame. */
    public static final int MAX_LIGHTS = 8;
    /** The most image references one texture may list. */
    public static final int MAX_IMAGES = 64;
    private static final java.util.regex.Pattern IMAGE_REF = java.util.regex.Pattern.compile("asset:[0-9a-f]{64}");

    private final List<RecipeViolation> bad = new ArrayList<>();

    private RecipeValidator() {
    }

    /**
     * @return {@code recipe}, for chaining
     * @throws RecipeException listing every violation
     */
    public static Recipe validate(Recipe recipe) {
        List<RecipeViolation> v = violations(recipe);
        if (!v.isEmpty()) {
            throw new RecipeException(v);
        }
        return recipe;
    }

    /** Every violation of {@code recipe}; empty when it is valid. */
    public static List<RecipeViolation> violations(Recipe recipe) {
        RecipeValidator v = new RecipeValidator();
        v.check(recipe);
        return List.copyOf(v.bad);
    }

    private void fail(String path, String message) {
        bad.add(new RecipeViolation(path, message));
    }

    private void check(Recipe r) {
        if (r.version() == null) {
            fail("version", "is required (" + Recipe.VERSION + ")");
        } else if (r.version() != Recipe.VERSION) {
            fail("version", "must be " + Recipe.VERSION + " (was " + r.version() + ")");
        }
        oneOf("classBalance", r.classBalance(), List.of("balanced", "random"));
        if (r.objects() == null || r.objects().isEmpty()) {
            fail("objects", "must list at least one object pool");
        } else {
            long maxTotal = 0;
            for (int i = 0; i < r.objects().size(); i++) {
                ObjectPool pool = r.objects().get(i);
                if (pool == null) {
                    fail("objects[" + i + "]", "must be an object");
                    continue;
                }
                pool(pool, "objects[" + i + "]");
                IntRange c = pool.countOrDefault();
                if (c.max() != null) {
                    maxTotal += Math.max(0, c.max());
                }
            }
            if (maxTotal > MAX_OBJECTS) {
                fail("objects", "may place at most " + MAX_OBJECTS + " objects per frame (the counts' maxima sum to " + maxTotal + ")");
            }
        }
        if (r.support() != null) {
            Support s = r.support();
            oneOf("support.surface", s.surface(), List.of("tabletop", "ground"));
            positive("support.sizeX", s.sizeX(), 100);
            positive("support.sizeZ", s.sizeZ(), 100);
            if (s.tabletop()) {
                if (s.sizeX() != null && s.sizeX() > 1.2) {
                    fail("support.sizeX", "must be <= 1.2 on the tabletop (was " + s.sizeX() + ")");
                }
                if (s.sizeZ() != null && s.sizeZ() > 0.8) {
                    fail("support.sizeZ", "must be <= 0.8 on the tabletop (was " + s.sizeZ() + ")");
                }
            }
            material("support.material", s.material());
        }
        if (r.placement() != null) {
            placement(r.placement());
        }
        if (r.lighting() != null) {
            lighting(r.lighting());
        }
        if (r.camera() != null) {
            camera(r.camera());
        }
        if (r.rareCases() != null) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < r.rareCases().size(); i++) {
                rareCase(r.rareCases().get(i), "rareCases[" + i + "]", names);
            }
        }
        if (r.sequence() != null) {
            sequence(r.sequence());
        }
    }

    private void pool(ObjectPool p, String at) {
        List<String> offered = List.of();
        if (p.asset() == null) {
            fail(at + ".asset", "is required (one of " + String.join(", ", ProceduralAssets.refs()) + ")");
        } else {
            offered = ProceduralAssets.classes(p.asset());
            if (offered.isEmpty()) {
                fail(at + ".asset", "must be one of " + String.join(", ", ProceduralAssets.refs()) + " (was '" + p.asset() + "')");
            }
        }
        List<String> chosen = offered;
        if (p.classes() != null) {
            if (p.classes().isEmpty()) {
                fail(at + ".classes", "must not be empty (leave it out for every class of the asset)");
            }
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < p.classes().size(); k++) {
                String c = p.classes().get(k);
                if (!offered.isEmpty() && !offered.contains(c)) {
                    fail(at + ".classes[" + k + "]", "'" + c + "' is not a class of " + p.asset() + " (it offers "
                            + summary(offered) + ")");
                } else if (!seen.add(c)) {
                    fail(at + ".classes[" + k + "]", "'" + c + "' is listed twice");
                }
            }
            chosen = p.classes();
        }
        if (p.classWeights() != null) {
            double sum = 0;
            for (Map.Entry<String, Double> e : p.classWeights().entrySet()) {
                String path = at + ".classWeights." + e.getKey();
                if (!chosen.isEmpty() && !chosen.contains(e.getKey())) {
                    fail(path, "names a class this pool does not draw (" + summary(chosen) + ")");
                }
                if (e.getValue() == null || !(e.getValue() >= 0) || !Double.isFinite(e.getValue())) {
                    fail(path, "must be a finite weight >= 0 (was " + e.getValue() + ")");
                } else {
                    sum += e.getValue();
                }
            }
            long unweighted = chosen.stream().filter(c -> !p.classWeights().containsKey(c)).count();
            if (sum + unweighted <= 0) {
                fail(at + ".classWeights", "must give some class a weight > 0");
            }
        }
        intRange(at + ".count", p.count(), 0, MAX_OBJECTS);
        range(at + ".scale", p.scale(), 0.01, 100);
        if (p.scale() != null && p.scale().min() != null && p.scale().min() <= 0) {
            fail(at + ".scale.min", "must be > 0 (was " + p.scale().min() + ")");
        }
        material(at + ".material", p.material());
    }

    private void material(String at, MaterialSpec m) {
        if (m == null) {
            return;
        }
        if (m.looks() != null) {
            if (m.looks().isEmpty()) {
                fail(at + ".looks", "must not be empty (leave it out for the default look)");
            }
            for (int i = 0; i < m.looks().size(); i++) {
                if (!MaterialSpec.LOOKS.contains(m.looks().get(i))) {
                    fail(at + ".looks[" + i + "]", "must be one of " + String.join(", ", MaterialSpec.LOOKS)
                            + " (was '" + m.looks().get(i) + "')");
                }
            }
        }
        if (m.color() != null) {
            range(at + ".color.hue", m.color().hue(), 0, 360);
            range(at + ".color.saturation", m.color().saturation(), 0, 1);
            range(at + ".color.value", m.color().value(), 0, 1);
        }
        range(at + ".roughness", m.roughness(), 0, 1);
        range(at + ".metallic", m.metallic(), 0, 1);
        if (m.texture() != null) {
            MaterialSpec.TextureChoice t = m.texture();
            if (t.kinds() == null && t.images() == null || t.kinds() != null && t.kinds().isEmpty()) {
                fail(at + ".texture.kinds", "must list at least one of " + kindNames()
                        + (t.images() == null ? " (or give images)" : " (or be left out)"));
            } else if (t.kinds() != null) {
                for (int i = 0; i < t.kinds().size(); i++) {
                    if (ProceduralTextures.Kind.byWireName(t.kinds().get(i)) == null) {
                        fail(at + ".texture.kinds[" + i + "]", "must be one of " + kindNames() + " (was '" + t.kinds().get(i) + "')");
                    }
                }
            }
            images(at + ".texture.images", t.images());
            unit(at + ".texture.probability", t.probability());
            intRange(at + ".texture.repeats", t.repeats(), 1, 64);
        }
        oneOf(at + ".scope", m.scope(), List.of("object", "class"));
    }

    /** Image references: a non-empty list of distinct {@code asset:HASH}; whether each is a photo set is the server's check. */
    private void images(String at, List<String> images) {
        if (images == null) {
            return;
        }
        if (images.isEmpty()) {
            fail(at, "must list at least one photo asset (asset:HASH), or be left out");
        }
        if (images.size() > MAX_IMAGES) {
            fail(at, "may list at most " + MAX_IMAGES + " photo assets (was " + images.size() + ")");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < images.size(); i++) {
            String ref = images.get(i);
            if (ref == null || !IMAGE_REF.matcher(ref).matches()) {
                fail(at + "[" + i + "]", "must name an uploaded photo asset as asset:<sha256> (was "
                        + (ref == null ? "null" : "'" + ref + "'") + ")");
            } else if (!seen.add(ref)) {
                fail(at + "[" + i + "]", "'" + ref + "' is listed twice");
            }
        }
    }

    private void placement(PlacementSpec p) {
        oneOf("placement.mode", p.mode(), List.of("support", "volume"));
        if (p.minGap() != null && !(p.minGap() >= 0 && p.minGap() <= 1)) {
            fail("placement.minGap", "must be in [0, 1] metres (was " + p.minGap() + ")");
        }
        if (p.maxAttempts() != null && (p.maxAttempts() < 1 || p.maxAttempts() > 10_000)) {
            fail("placement.maxAttempts", "must be in 1..10000 (was " + p.maxAttempts() + ")");
        }
        unit("placement.stackProbability", p.stackProbability());
        range("placement.yawDeg", p.yawDeg(), -360, 720);
        if (p.inVolume()) {
            if (p.volume() == null) {
                fail("placement.volume", "is required in volume mode");
            } else {
                point("placement.volume.min", p.volume().min());
                point("placement.volume.max", p.volume().max());
                if (p.volume().min() != null && p.volume().max() != null && p.volume().min().size() == 3
                        && p.volume().max().size() == 3) {
                    for (int a = 0; a < 3; a++) {
                        Double lo = p.volume().min().get(a);
                        Double hi = p.volume().max().get(a);
                        if (lo != null && hi != null && !(hi > lo)) {
                            fail("placement.volume.max[" + a + "]", "must be > min[" + a + "] (min " + lo + ", max " + hi + ")");
                        }
                    }
                }
            }
            if (p.stackProbability() != null && p.stackProbability() > 0) {
                fail("placement.stackProbability", "applies to support mode only (was " + p.stackProbability() + " in volume mode)");
            }
        } else if (p.volume() != null) {
            fail("placement.volume", "applies to volume mode only (set placement.mode to volume)");
        }
    }

    private void lighting(Lighting l) {
        if (l.sky() == null && l.environmentMap() == null && l.areaLights() == null) {
            fail("lighting", "must have a sky, an environmentMap or areaLights");
        }
        if (l.sky() != null && l.environmentMap() != null) {
            fail("lighting", "may have a sky or an environmentMap, not both");
        }
        if (l.sky() != null) {
            range("lighting.sky.sunElevationDeg", l.sky().sunElevationDeg(), -10, 90);
            range("lighting.sky.sunAzimuthDeg", l.sky().sunAzimuthDeg(), -360, 720);
            range("lighting.sky.sunIrradiance", l.sky().sunIrradiance(), 0, 1e6);
            range("lighting.sky.skyRadiance", l.sky().skyRadiance(), 0, 1e6);
        }
        if (l.environmentMap() != null) {
            if (l.environmentMap().ref() == null || l.environmentMap().ref().isBlank()) {
                fail("lighting.environmentMap.ref", "is required");
            }
            range("lighting.environmentMap.rotationDeg", l.environmentMap().rotationDeg(), -360, 720);
            range("lighting.environmentMap.intensity", l.environmentMap().intensity(), 0, 1e6);
        }
        if (l.areaLights() != null) {
            Lighting.AreaLightsSpec a = l.areaLights();
            intRange("lighting.areaLights.count", a.count(), 0, MAX_LIGHTS);
            range("lighting.areaLights.sizeM", a.sizeM(), 0.001, 10);
            range("lighting.areaLights.radiance", a.radiance(), 0, 1e6);
            range("lighting.areaLights.kelvin", a.kelvin(), ColourTemperature.MIN_KELVIN, ColourTemperature.MAX_KELVIN);
            range("lighting.areaLights.heightM", a.heightM(), 0.05, 100);
            range("lighting.areaLights.offsetM", a.offsetM(), 0, 100);
        }
    }

    private void camera(CameraRecipe c) {
        if (c.target() != null) {
            point("camera.target", c.target());
        }
        range("camera.distanceM", c.distanceM(), 0.01, 1000);
        range("camera.elevationDeg", c.elevationDeg(), -89, 89);
        range("camera.azimuthDeg", c.azimuthDeg(), -360, 720);
        if (c.vfovDeg() != null && c.focalLengthMm() != null) {
            fail("camera", "may give vfovDeg or focalLengthMm, not both");
        }
        range("camera.vfovDeg", c.vfovDeg(), 1, 170);
        range("camera.focalLengthMm", c.focalLengthMm(), 1, 10_000);
        if (c.sensorHeightMm() != null && !(c.sensorHeightMm() > 0 && c.sensorHeightMm() <= 1000)) {
            fail("camera.sensorHeightMm", "must be in (0, 1000] (was " + c.sensorHeightMm() + ")");
        }
        range("camera.apertureM", c.apertureM(), 0, 1);
    }

    private void rareCase(RareCase c, String at, Set<String> names) {
        if (c == null) {
            fail(at, "must be an object");
            return;
        }
        if (c.name() == null || !c.name().matches("[a-z0-9_]{1,64}")) {
            fail(at + ".name", "must be 1-64 characters of [a-z0-9_] (was " + (c.name() == null ? "missing" : "'" + c.name() + "'") + ")");
        } else if (!names.add(c.name())) {
            fail(at + ".name", "'" + c.name() + "' is used by an earlier rare case");
        }
        if (c.frequency() == null || !(c.frequency() > 0 && c.frequency() <= 1)) {
            fail(at + ".frequency", "must be in (0, 1] (was " + c.frequency() + ")");
        }
        if (c.lightScale() != null && !(c.lightScale() >= 0 && c.lightScale() <= 1000)) {
            fail(at + ".lightScale", "must be in [0, 1000] (was " + c.lightScale() + ")");
        }
        if (c.lightScale() == null && !Boolean.TRUE.equals(c.unusualPose()) && !Boolean.TRUE.equals(c.occluder())
                && !Boolean.TRUE.equals(c.motionBlur())) {
            fail(at, "must change something: lightScale, unusualPose, occluder or motionBlur");
        }
        range(at + ".blurDeg", c.blurDeg(), 0, 30);
        if (c.blurDeg() != null && !Boolean.TRUE.equals(c.motionBlur())) {
            fail(at + ".blurDeg", "only applies with motionBlur: true");
        }
    }

    private void sequence(SequenceSpec s) {
        if (s.framesPerSequence() == null || s.framesPerSequence() < 1 || s.framesPerSequence() > 10_000) {
            fail("sequence.framesPerSequence", "must be in 1..10000 (was " + s.framesPerSequence() + ")");
        }
        range("sequence.cameraSweepDeg", s.cameraSweepDeg(), 0, 360);
        unit("sequence.shutterOpen", s.shutterOpen());
        unit("sequence.shutterClose", s.shutterClose());
        if (s.shutterOpen() != null && s.shutterClose() != null && s.shutterClose() < s.shutterOpen()) {
            fail("sequence.shutterClose", "must be >= shutterOpen (open " + s.shutterOpen() + ", close " + s.shutterClose() + ")");
        }
        ObjectMotion m = s.objectMotion();
        if (m != null) {
            if (s.framesPerSequence() != null && s.framesPerSequence() > ObjectMotion.MAX_FRAMES) {
                fail("sequence.framesPerSequence", "must be at most " + ObjectMotion.MAX_FRAMES
                        + " with objectMotion (was " + s.framesPerSequence() + ")");
            }
            unit("sequence.objectMotion.probability", m.probability());
            range("sequence.objectMotion.speedM", m.speedM(), 0, 10);
            range("sequence.objectMotion.spinDeg", m.spinDeg(), 0, 180);
        }
    }

    private void range(String at, Range r, double lo, double hi) {
        if (r == null) {
            return;
        }
        boolean ok = true;
        if (r.min() == null) {
            fail(at + ".min", "is required");
            ok = false;
        } else if (!(r.min() >= lo && r.min() <= hi)) {
            fail(at + ".min", "must be in [" + num(lo) + ", " + num(hi) + "] (was " + num(r.min()) + ")");
            ok = false;
        }
        if (r.max() == null) {
            fail(at + ".max", "is required");
            ok = false;
        } else if (!(r.max() >= lo && r.max() <= hi)) {
            fail(at + ".max", "must be in [" + num(lo) + ", " + num(hi) + "] (was " + num(r.max()) + ")");
            ok = false;
        }
        if (ok && r.max() < r.min()) {
            fail(at + ".max", "must be >= min (min " + num(r.min()) + ", max " + num(r.max()) + ")");
        }
    }

    private void intRange(String at, IntRange r, int lo, int hi) {
        if (r == null) {
            return;
        }
        boolean ok = true;
        if (r.min() == null) {
            fail(at + ".min", "is required");
            ok = false;
        } else if (r.min() < lo || r.min() > hi) {
            fail(at + ".min", "must be in " + lo + ".." + hi + " (was " + r.min() + ")");
            ok = false;
        }
        if (r.max() == null) {
            fail(at + ".max", "is required");
            ok = false;
        } else if (r.max() < lo || r.max() > hi) {
            fail(at + ".max", "must be in " + lo + ".." + hi + " (was " + r.max() + ")");
            ok = false;
        }
        if (ok && r.max() < r.min()) {
            fail(at + ".max", "must be >= min (min " + r.min() + ", max " + r.max() + ")");
        }
    }

    private void unit(String at, Double v) {
        if (v != null && !(v >= 0 && v <= 1)) {
            fail(at, "must be in [0, 1] (was " + v + ")");
        }
    }

    private void positive(String at, Double v, double max) {
        if (v != null && !(v > 0 && v <= max)) {
            fail(at, "must be in (0, " + num(max) + "] (was " + v + ")");
        }
    }

    private void point(String at, List<Double> p) {
        if (p == null || p.size() != 3) {
            fail(at, "must be [x, y, z] (3 numbers, metres)");
            return;
        }
        for (int i = 0; i < 3; i++) {
            if (p.get(i) == null || !Double.isFinite(p.get(i)) || Math.abs(p.get(i)) > 1e4) {
                fail(at + "[" + i + "]", "must be a finite number within 10000 m (was " + p.get(i) + ")");
            }
        }
    }

    private void oneOf(String at, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            fail(at, "must be one of " + String.join(", ", allowed) + " (was '" + value + "')");
        }
    }

    private static String kindNames() {
        return String.join(", ", java.util.Arrays.stream(ProceduralTextures.Kind.values()).map(ProceduralTextures.Kind::wireName).toList());
    }

    private static String summary(List<String> names) {
        return names.size() <= 6 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + ", ..., " + names.get(names.size() - 1);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
