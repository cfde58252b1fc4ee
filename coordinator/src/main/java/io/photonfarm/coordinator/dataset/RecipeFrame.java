package io.photonfarm.coordinator.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.photonfarm.api.camera.CameraMotion;
import java.util.List;

/**
 * What a recipe drew for a frame, as {@code meta.json} records it under {@code "recipe"}.
 *
 * @param hash            hex SHA-256 of the job's canonical recipe
 * @param sequence        the sequence the frame belongs to ({@code frame / framesPerSequence})
 * @param frameInSequence the frame's position in it, from 0
 * @param classes         the classes of the annotated objects, in instance order
 * @param rareCases       the rare cases this frame has, in recipe order
 * @param objects         every placed object, distractors included
 * @param sunElevationDeg the sun's elevation, degrees, or null without a sky
 * @param sunAzimuthDeg   the sun's azimuth from +x towards +z, degrees, or null without a sky
 * @param environmentMap  the environment map that lit the frame ({@code asset:HASH}), or null
 * @param areaLights      the number of area lights
 * @param lightScale      the factor rare cases applied to every light
 * @param notRendered     requested effects recorded but not rendered by this version
 * @param cameraMotion    how the camera moved while the shutter was open (its shutter is the frame's exposure,
 *                        in frame intervals, centred on the label time all labels show), or null for an
 *                        instantaneous exposure
 */
public record RecipeFrame(String hash, long sequence, int frameInSequence, List<String> classes, List<String> rareCases,
        List<PlacedObject> objects, Double sunElevationDeg, Double sunAzimuthDeg, String environmentMap, int areaLights,
        double lightScale, List<String> notRendered,
        @JsonInclude(JsonInclude.Include.NON_NULL) CameraMotion cameraMotion) {

    /**
     * @param instanceId the object's instance id in the id passes (scene instance index + 1)
     * @param name       its instance name
     * @param className  its class
     * @param look       the preset look its material was drawn from
     * @param distractor whether it is scenery (not annotated)
     * @param stacked    whether it rests on another object
     * @param upsideDown whether it rests upside down
     * @param motion     how it moves through its sequence, or null if it stays still
     * @param image      the image its texture shows, or null
     */
    public record PlacedObject(int instanceId, String name, String className, String look, boolean distractor,
            boolean stacked, boolean upsideDown, @JsonInclude(JsonInclude.Include.NON_NULL) Motion motion, Image image) {
    }

    /**
     * A moving object's trajectory: constant velocity, and a constant turn about the world vertical through
     * its box centre. Its pose in this frame (meta.json's objects) is the one at the label time.
     *
     * @param velocityM world velocity, metres per frame interval
     * @param spinDeg   turn rate about world +y, degrees per frame interval
     */
    public record Motion(double[] velocityM, double spinDeg) {
    }

    /**
     * An image a texture shows.
     *
     * @param ref   the photos asset ({@code asset:HASH})
     * @param index the image's index within the asset (its photos ordered by path)
     * @param name  the image's path within the asset
     */
    public record Image(String ref, int index, String name) {
    }
}
