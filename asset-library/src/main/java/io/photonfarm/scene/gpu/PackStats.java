package io.photonfarm.scene.gpu;

/**
 * What packing a scene took.
 *
 * @param blasBuildNanos     wall time of all BLAS builds, nanoseconds
 * @param tlasBuildNanos     wall time of the TLAS build, nanoseconds
 * @param packNanos          wall time of the whole {@link ScenePacker#pack} call, builds included, nanoseconds
 * @param blasCount          meshes that got a BLAS (have triangles and at least one instance)
 * @param instanceCount      packed instances
 * @param droppedInstances   scene instances left out because their mesh has no triangles
 * @param triangleCount      packed triangles (each mesh once, however many instances)
 * @param nodeCount          BVH nodes, all levels
 * @param lightCount         emissive (instance, triangle) pairs with a positive weight
 */
public record PackStats(long blasBuildNanos, long tlasBuildNanos, long packNanos, int blasCount,
                        int instanceCount, int droppedInstances, int triangleCount, int nodeCount, int lightCount) {
}
