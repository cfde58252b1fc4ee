package io.photonfarm.scene.gpu;

import io.photonfarm.scene.Material;
import io.photonfarm.scene.Texture;
import java.nio.ByteBuffer;
import java.util.List;

/** Writes the MATERIALS, TEX_INFOS and TEXELS buffers. */
final class MaterialPacker {
    private MaterialPacker() {
    }

    static ByteBuffer materials(List<Material> materials) {
        ByteBuffer b = Std430.allocate(materials.size(), GpuLayout.MATERIAL);
        for (Material m : materials) {
            Std430.putVec4(b, m.baseColor().r(), m.baseColor().g(), m.baseColor().b(), m.alpha());
            Std430.putVec4(b, m.emission().r(), m.emission().g(), m.emission().b(), 0f);
            Std430.putVec4(b, m.metallic(), m.roughness(), m.ior(), m.transmission());
            Std430.putVec4(b, m.specular(), m.normalScale(), m.doubleSided() ? 1f : 0f, 0f);
            b.putInt(m.baseColorTexture()).putInt(m.metallicRoughnessTexture())
                    .putInt(m.normalTexture()).putInt(m.emissiveTexture());
        }
        return b.clear();
    }

    static ByteBuffer texInfos(List<Texture> textures) {
        ByteBuffer b = Std430.allocate(textures.size(), GpuLayout.TEXINFO);
        long offset = 0;
        for (Texture t : textures) {
            b.putInt((int) offset).putInt(t.width()).putInt(t.height()).putInt(0);
            offset += (long) t.width() * t.height();
        }
        return b.clear();
    }

    static ByteBuffer texels(List<Texture> textures) {
        long count = 0;
        for (Texture t : textures) {
            count += (long) t.width() * t.height();
        }
        ByteBuffer b = Std430.allocate(count, GpuLayout.TEXEL);
        // RGBA8 bytes in order read as a little-endian uint put R in the lowest byte, as the layout asks.
        for (Texture t : textures) {
            b.put(t.rgba());
        }
        return b.clear();
    }
}
