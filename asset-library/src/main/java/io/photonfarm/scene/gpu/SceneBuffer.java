package io.photonfarm.scene.gpu;

/**
 * The storage buffers of a {@link PackedScene}, in the order of {@code docs/gpu-scene-layout.md}.
 * The order is that of {@link SceneHeader#byteSizes()}; it is not a binding number.
 */
public enum SceneBuffer {
    NODES(GpuLayout.NODE),
    TRIANGLES(GpuLayout.TRI),
    SHADING(GpuLayout.SHADING),
    INSTANCES(GpuLayout.INSTANCE),
    MATERIALS(GpuLayout.MATERIAL),
    TEX_INFOS(GpuLayout.TEXINFO),
    TEXELS(GpuLayout.TEXEL),
    LIGHTS(GpuLayout.LIGHT),
    LIGHT_ALIAS(GpuLayout.ALIAS),
    ENV_PIXELS(GpuLayout.ENV_PIXEL),
    ENV_ROW_ALIAS(GpuLayout.ALIAS),
    ENV_COL_ALIAS(GpuLayout.ALIAS);

    private final int stride;

    SceneBuffer(int stride) {
        this.stride = stride;
    }

    /** Bytes per element. */
    public int stride() {
        return stride;
    }
}
