package io.photonfarm.scene.gpu;

import java.util.Arrays;

/**
 * The scalars the shaders need next to the buffers ({@code docs/gpu-scene-layout.md}, "Header").
 *
 * @param tlasRoot         node index of the TLAS root in {@link SceneBuffer#NODES}; meaningless when
 *                         {@code instanceCount == 0} (nothing to traverse then)
 * @param instanceCount    entries of {@link SceneBuffer#INSTANCES} in use
 * @param triangleCount    entries of {@link SceneBuffer#TRIANGLES} (and SHADING) in use
 * @param nodeCount        entries of {@link SceneBuffer#NODES} in use (all BLASes, then the TLAS)
 * @param lightCount       entries of {@link SceneBuffer#LIGHTS} and LIGHT_ALIAS in use; 0 = no emitters
 * @param lightTotalWeight sum over emissive triangles of luminance(emission) x world area (m^2)
 * @param envWidth         environment map width W in pixels (1 for a constant environment)
 * @param envHeight        environment map height H in pixels (1 for a constant environment)
 * @param envIntensity     multiplier the shader applies to the raw radiance in ENV_PIXELS
 * @param envRotationRad   rotation of the map about world +y, radians
 * @param envTotalWeight   sum of pixel weights (luminance x sin theta of the raw map); 0 disables
 *                         environment sampling (black map or zero intensity)
 * @param worldBounds      world-space bounds of all instances (metres): minX, minY, minZ, maxX, maxY, maxZ;
 *                         a unit box around the origin for an empty scene
 * @param byteSizes        size in bytes of each buffer, indexed by {@link SceneBuffer#ordinal()}; never 0
 */
public record SceneHeader(int tlasRoot, int instanceCount, int triangleCount, int nodeCount, int lightCount,
                          float lightTotalWeight, int envWidth, int envHeight, float envIntensity,
                          float envRotationRad, float envTotalWeight, float[] worldBounds, long[] byteSizes) {

    public SceneHeader {
        if (worldBounds.length != 6) {
            throw new IllegalArgumentException("world bounds need 6 floats, got " + worldBounds.length);
        }
        if (byteSizes.length != SceneBuffer.values().length) {
            throw new IllegalArgumentException("need one byte size per SceneBuffer, got " + byteSizes.length);
        }
        worldBounds = worldBounds.clone();
        byteSizes = byteSizes.clone();
    }

    @Override
    public float[] worldBounds() {
        return worldBounds.clone();
    }

    @Override
    public long[] byteSizes() {
        return byteSizes.clone();
    }

    /** Size in bytes of one buffer, a positive multiple of its {@link SceneBuffer#stride()}. */
    public long byteSize(SceneBuffer buffer) {
        return byteSizes[buffer.ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SceneHeader h && tlasRoot == h.tlasRoot && instanceCount == h.instanceCount
                && triangleCount == h.triangleCount && nodeCount == h.nodeCount && lightCount == h.lightCount
                && Float.compare(lightTotalWeight, h.lightTotalWeight) == 0 && envWidth == h.envWidth
                && envHeight == h.envHeight && Float.compare(envIntensity, h.envIntensity) == 0
                && Float.compare(envRotationRad, h.envRotationRad) == 0
                && Float.compare(envTotalWeight, h.envTotalWeight) == 0
                && Arrays.equals(worldBounds, h.worldBounds) && Arrays.equals(byteSizes, h.byteSizes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {tlasRoot, instanceCount, triangleCount, nodeCount, lightCount})
                * 31 + Arrays.hashCode(byteSizes);
    }

    @Override
    public String toString() {
        return "SceneHeader[tlasRoot=" + tlasRoot + ", instances=" + instanceCount + ", triangles=" + triangleCount
                + ", nodes=" + nodeCount + ", lights=" + lightCount + ", lightTotalWeight=" + lightTotalWeight
                + ", env=" + envWidth + "x" + envHeight + " x" + envIntensity + " rot " + envRotationRad
                + " total " + envTotalWeight + ", worldBounds=" + Arrays.toString(worldBounds)
                + ", byteSizes=" + Arrays.toString(byteSizes) + "]";
    }
}
