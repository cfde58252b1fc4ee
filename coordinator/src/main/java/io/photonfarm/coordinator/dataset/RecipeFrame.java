package io.photonfarm.coordinator.dataset;

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
 * @param notRendered     requested effects recorded but not rendered by this version (e.g. motion_blur)
 */
public record RecipeFrame(String hash, long sequence, int frameInSequence, List<String> classes, List<String> rareCases,
        List<PlacedObject> objects, Double sunElevationDeg, Double sunAzimuthDeg, String environmentMap, int areaLights,
        double lightScale, List<String> notRendered) {

    /**
     * @param instanceId the object's instance id in the id passes (scene instance index + 1)
     * @param name       its instance name
     * @param className  its class
     * @param look       the preset look its material was drawn from
     * @param distractor whether it is scenery (not annotated)
     * @param stacked    whether it rests on another object
     * @param upsideDown whether it rests upside down
     */
    public record PlacedObject(int instanceId, String name, String className, String look, boolean distractor,
            boolean stacked, boolean upsideDown) {
    }
}
