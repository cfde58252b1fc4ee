package io.photonfarm.scene.gpu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A scene packed for the GPU per {@code docs/gpu-scene-layout.md}: one direct little-endian buffer
 * per storage buffer, the header scalars and build statistics.
 *
 * <p>Buffer accessors return a new view each call (position 0, limit = capacity = the byte size in
 * the header, little-endian) on memory shared by all views; callers upload it and must not write it.
 * The memory is released by the garbage collector once no view is reachable.
 */
public final class PackedScene {
    private final Map<SceneBuffer, ByteBuffer> buffers;
    private final SceneHeader header;
    private final PackStats stats;
    private final int[] sourceTriangles;

    private final Set<SceneFeature> features;

    PackedScene(Map<SceneBuffer, ByteBuffer> buffers, SceneHeader header, PackStats stats, int[] sourceTriangles,
                Set<SceneFeature> features) {
        this.features = Set.copyOf(features);
        this.buffers = new EnumMap<>(buffers);
        for (SceneBuffer b : SceneBuffer.values()) {
            ByteBuffer buf = this.buffers.get(b);
            if (buf == null || !buf.isDirect() || buf.capacity() == 0 || buf.capacity() % b.stride() != 0) {
                throw new IllegalArgumentException("buffer " + b + " missing, not direct, or not a whole number of "
                        + b.stride() + "-byte elements");
            }
        }
        this.header = header;
        this.stats = stats;
        this.sourceTriangles = sourceTriangles;
    }

    /** A fresh little-endian view of one buffer, position 0, limit = its byte size. */
    public ByteBuffer buffer(SceneBuffer which) {
        return buffers.get(which).duplicate().clear().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code Node} array: all BLASes (mesh order), then the TLAS. */
    public ByteBuffer nodes() {
        return buffer(SceneBuffer.NODES);
    }

    /** {@code Tri} array, per mesh in BLAS leaf order. */
    public ByteBuffer triangles() {
        return buffer(SceneBuffer.TRIANGLES);
    }

    /** {@code TriShading} array, same index as {@link #triangles()}. */
    public ByteBuffer shading() {
        return buffer(SceneBuffer.SHADING);
    }

    /** {@code Instance} array in TLAS leaf order. */
    public ByteBuffer instances() {
        return buffer(SceneBuffer.INSTANCES);
    }

    /** {@code Material} array, index = {@code Scene.materials()} index. */
    public ByteBuffer materials() {
        return buffer(SceneBuffer.MATERIALS);
    }

    /** {@code TexInfo} array, index = {@code Scene.textures()} index. */
    public ByteBuffer texInfos() {
        return buffer(SceneBuffer.TEX_INFOS);
    }

    /** RGBA8 texels of all textures, one {@code uint} each. */
    public ByteBuffer texels() {
        return buffer(SceneBuffer.TEXELS);
    }

    /** {@code LightTri} array. */
    public ByteBuffer lights() {
        return buffer(SceneBuffer.LIGHTS);
    }

    /** {@code Alias} table over {@link #lights()}. */
    public ByteBuffer lightAlias() {
        return buffer(SceneBuffer.LIGHT_ALIAS);
    }

    /** {@code vec4} (r, g, b, pmf) per environment pixel, row 0 = +y. */
    public ByteBuffer envPixels() {
        return buffer(SceneBuffer.ENV_PIXELS);
    }

    /** {@code Alias} table over the environment rows (H entries). */
    public ByteBuffer envRowAlias() {
        return buffer(SceneBuffer.ENV_ROW_ALIAS);
    }

    /** {@code Alias} tables over each row's pixels (H x W entries, alias relative to the row). */
    public ByteBuffer envColAlias() {
        return buffer(SceneBuffer.ENV_COL_ALIAS);
    }

    /** The shading features the scene uses (the shader variant that renders it). */
    public Set<SceneFeature> features() {
        return features;
    }

    public SceneHeader header() {
        return header;
    }

    public PackStats stats() {
        return stats;
    }

    /**
     * The index within its mesh ({@code Mesh.indices()} triangle) of packed triangle {@code triangle},
     * e.g. to turn a GPU hit into a primitive id.
     */
    public int sourceTriangle(int triangle) {
        return sourceTriangles[triangle];
    }
}
