package io.photonfarm.labels;

import java.util.List;

/**
 * The per-object annotations of one frame, with each object's unoccluded silhouette.
 *
 * @param objects      every annotated object whose unoccluded silhouette covers at least one pixel
 *                     centre, ordered by instance id
 * @param amodalMasks  the unoccluded silhouette of {@code objects.get(i)} at index i
 */
public record FrameObjects(List<ObjectAnnotation> objects, List<RegionMask> amodalMasks) {
    public FrameObjects {
        objects = List.copyOf(objects);
        amodalMasks = List.copyOf(amodalMasks);
        if (objects.size() != amodalMasks.size()) {
            throw new IllegalArgumentException(objects.size() + " objects but " + amodalMasks.size() + " masks");
        }
    }
}
