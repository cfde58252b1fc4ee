package io.photonfarm.recipe.draw;

import io.photonfarm.scene.CameraSpec;
import java.util.List;

/**
 * What was drawn for one frame, for meta.json and statistics: enough to see why the frame looks as
 * it does, and to draw it again (it is a pure function of recipe, seed and frame).
 *
 * @param frame           the frame index
 * @param sequence        the sequence it belongs to ({@code frame / framesPerSequence})
 * @param frameInSequence its position in the sequence, from 0
 * @param seed            the job seed
 * @param recipeHash      hex SHA-256 of the canonical recipe
 * @param objects         the placed objects, distractors included, in instance order
 * @param rareCases       names of the rare cases this frame has, in recipe order
 * @param lighting        what lights it
 * @param camera          its camera
 * @param notRendered     requested effects this version records but does not render
 */
public record DrawnFrame(int frame, long sequence, int frameInSequence, long seed, String recipeHash,
        List<DrawnObject> objects, List<String> rareCases, DrawnLighting lighting, CameraSpec camera,
        List<String> notRendered) {

    public DrawnFrame {
        objects = List.copyOf(objects);
        rareCases = List.copyOf(rareCases);
        notRendered = List.copyOf(notRendered);
    }

    /** The classes of the annotated objects (distractors left out), in instance order. */
    public List<String> classes() {
        return objects.stream().filter(o -> !o.distractor()).map(DrawnObject::className).toList();
    }

    /**
     * One placed object.
     *
     * @param instance   its index in the scene's instances (its instance id is this + 1)
     * @param name       its instance name
     * @param className  its class (also for distractors, which are not annotated)
     * @param asset      its asset reference
     * @param pool       the index of its pool in the recipe
     * @param look       the preset look its material was drawn from
     * @param distractor whether it is scenery (not annotated)
     * @param stacked    whether it rests on another object
     * @param upsideDown whether it rests upside down
     * @param motion     how it moves through its sequence, or null if it stays still
     * @param image      the image its texture shows, or null when it has none
     */
    public record DrawnObject(int instance, String name, String className, String asset, int pool, String look,
            boolean distractor, boolean stacked, boolean upsideDown, DrawnMotion motion, TextureImage image) {
    }

    /**
     * An object's motion: a constant horizontal velocity and a constant turn about the vertical through its centre.
     *
     * @param vx      world x velocity, metres per frame interval
     * @param vz      world z velocity, metres per frame interval
     * @param spinDeg turn rate about world +y, degrees per frame interval
     */
    public record DrawnMotion(double vx, double vz, double spinDeg) {
    }

    /**
     * Which image a texture shows.
     *
     * @param ref   the photo set's reference ({@code asset:HASH})
     * @param index the image's index within the set (sets are ordered by path)
     * @param name  the image's path within the set
     */
    public record TextureImage(String ref, int index, String name) {
    }

    /**
     * @param sunElevationDeg the sun's elevation, or NaN without a sky
     * @param sunAzimuthDeg   the sun's azimuth, or NaN without a sky
     * @param environmentMap  the map's reference, or null
     * @param areaLights      the number of area lights
     * @param lightScale      the factor rare cases applied to every light
     */
    public record DrawnLighting(double sunElevationDeg, double sunAzimuthDeg, String environmentMap, int areaLights,
            double lightScale) {
    }
}
