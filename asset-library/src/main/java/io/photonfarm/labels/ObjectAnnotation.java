package io.photonfarm.labels;

import java.util.List;

/**
 * One annotated object (an instance with a category) in one frame. Camera frame: OpenCV (x right,
 * y down, z forward), metres; image coordinates: continuous, pixel (u, v) covers [u, u+1) x [v, v+1).
 *
 * @param instanceId         the object's id in the instance pass (scene instance index + 1)
 * @param name               the instance's name, or "category_id" when it has none
 * @param category           the semantic class name
 * @param categoryId         the semantic class id (from 1; stable across the job)
 * @param rotation           object -> camera rotation R_oc, row-major 3x3, a pure rotation (det +1): the instance's
 *                           scale is factored out into {@code scale}, so {@code X_cam = R_oc diag(scale) X + t_oc}
 *                           (exactly unless the instance's transform has shear; then R_oc is the nearest rotation)
 * @param translation        object origin in the camera frame t_oc, metres
 * @param scale              the instance's scale along the object axes (1, 1, 1 when unscaled; all three negated
 *                           when the transform mirrors, so that {@code rotation} stays a rotation)
 * @param boundsMin          object-space bounding box minimum {x, y, z}, metres (of the mesh, before scale)
 * @param boundsMax          object-space bounding box maximum {x, y, z}, metres
 * @param box3d              the 8 corners of the oriented 3D box (the object-space bounds under the instance's full
 *                           transform) in the camera frame, metres; corner k takes x from max if bit 0 of k is
 *                           set, y if bit 1, z if bit 2 (else from min)
 * @param tightBox           box of the visible pixels (instance pass), or null if none is visible: pixels u..umax
 *                           give [u, umax + 1]
 * @param amodalBox          box of the projection of the whole object (its mesh clipped to the near plane first)
 *                           clipped to the image, or null if it is outside; through a distorting lens, the unclipped
 *                           box clipped to the image, or where that is null the box of the unoccluded silhouette's
 *                           pixels
 * @param amodalBoxUnclipped box of the projection of all mesh vertices (may extend past the image), or null if a
 *                           vertex is at or behind the near plane; through a distorting lens, of the distorted
 *                           vertices and edges (edges subdivided until straight to 1e-3 px), and null also when a
 *                           vertex is imaged nowhere
 * @param visiblePixels      pixels of the instance pass with this id
 * @param unoccludedPixels   pixels whose centre ray would hit the object were it alone in the scene (always
 *                           including the visible pixels)
 * @param visibility         visiblePixels / unoccludedPixels (0 when unoccludedPixels is 0), in [0, 1]
 * @param landmarks          the mesh's landmarks in declaration order
 * @param symmetries         the mesh's symmetries, object space (the frame of {@code boundsMin}), metres
 */
public record ObjectAnnotation(int instanceId, String name, String category, int categoryId,
        double[][] rotation, double[] translation, double[] scale, double[] boundsMin, double[] boundsMax,
        double[][] box3d, Box2d tightBox, Box2d amodalBox, Box2d amodalBoxUnclipped,
        int visiblePixels, int unoccludedPixels, double visibility, List<LandmarkAnnotation> landmarks,
        SymmetryAnnotation symmetries) {

    public ObjectAnnotation {
        symmetries = symmetries == null ? SymmetryAnnotation.NONE : symmetries;
    }

    /** An object without symmetries. */
    public ObjectAnnotation(int instanceId, String name, String category, int categoryId,
            double[][] rotation, double[] translation, double[] scale, double[] boundsMin, double[] boundsMax,
            double[][] box3d, Box2d tightBox, Box2d amodalBox, Box2d amodalBoxUnclipped,
            int visiblePixels, int unoccludedPixels, double visibility, List<LandmarkAnnotation> landmarks) {
        this(instanceId, name, category, categoryId, rotation, translation, scale, boundsMin, boundsMax, box3d, tightBox,
                amodalBox, amodalBoxUnclipped, visiblePixels, unoccludedPixels, visibility, landmarks,
                SymmetryAnnotation.NONE);
    }
}
