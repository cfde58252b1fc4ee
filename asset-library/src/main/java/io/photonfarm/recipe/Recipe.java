package io.photonfarm.recipe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A randomisable scene description, version 1: what objects a frame holds and in what proportions,
 * where they stand, how they look, how they are lit and seen, which rare variations occur, and
 * whether frames form sequences. Every field but {@code version} and {@code objects} may be left
 * out and takes the default its record documents. A recipe is checked with {@link RecipeValidator}
 * before use; the records accept anything so that errors can be reported by JSON path.
 *
 * <p>Units everywhere: metres, degrees, kelvin; world frame right-handed, y up.
 *
 * @param version      the format version; only 1 exists
 * @param name         a name for people, may be null
 * @param classBalance {@code balanced} (default): over a job, each pool's class frequencies match its
 *                     weights (stratified by object index, see the sampler); {@code random}: each
 *                     object's class is drawn independently with those weights
 * @param objects      the object pools, at least one; each frame holds objects from every pool
 * @param support      what objects stand on (default: a tabletop)
 * @param placement    how objects are placed on it (default: at rest on the support, 5 mm apart)
 * @param lighting     sky, environment map and area lights (default: a procedural sky)
 * @param camera       how each frame's camera is drawn (default: around the objects' centre)
 * @param rareCases    named variations and how often each occurs (default: none)
 * @param sequence     frames grouped into sequences with a moving camera (default: every frame alone)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recipe(Integer version, String name, String classBalance, List<ObjectPool> objects, Support support,
        PlacementSpec placement, Lighting lighting, CameraRecipe camera, List<RareCase> rareCases, SequenceSpec sequence) {

    /** The only version this library reads. */
    public static final int VERSION = 1;

    /** Whether class balance is stratified over the job (the default) rather than drawn independently. */
    public boolean balanced() {
        return classBalance == null || classBalance.equals("balanced");
    }

    public Support supportOrDefault() {
        return support == null ? new Support(null, null, null, null) : support;
    }

    public PlacementSpec placementOrDefault() {
        return placement == null ? new PlacementSpec(null, null, null, null, null, null) : placement;
    }

    public Lighting lightingOrDefault() {
        return lighting == null ? new Lighting(new Lighting.SkySpec(null, null, null, null), null, null) : lighting;
    }

    public CameraRecipe cameraOrDefault() {
        return camera == null ? new CameraRecipe(null, null, null, null, null, null, null, null, null) : camera;
    }

    public List<RareCase> rareCasesOrEmpty() {
        return rareCases == null ? List.of() : rareCases;
    }

    public int framesPerSequence() {
        return sequence == null || sequence.framesPerSequence() == null ? 1 : sequence.framesPerSequence();
    }
}
