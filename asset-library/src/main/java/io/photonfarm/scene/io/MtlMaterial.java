package io.photonfarm.scene.io;

import io.photonfarm.scene.Rgb;

/**
 * One {@code newmtl} block of an MTL file, as written: the values that
 * {@link MtlMaterials} maps to a principled material. A float that the file does not give is NaN,
 * a colour or map it does not give is null, an absent {@code illum} is -1.
 *
 * @param line      the line of the {@code newmtl} statement
 * @param bump      {@code bump} or {@code map_Bump}: a height map by the MTL standard, though
 *                  exporters often put tangent-space normal maps there
 * @param normal    {@code norm}: a tangent-space normal map
 */
record MtlMaterial(String name, int line, Rgb kd, Rgb ks, Rgb ke, float ns, float ni, float d, float tr,
                   int illum, float pr, float pm, TextureRef mapKd, TextureRef mapKe, TextureRef bump,
                   TextureRef normal, TextureRef mapPr, TextureRef mapPm) {

    /**
     * A texture map statement.
     *
     * @param reference the file name as written (after the options), relative to the MTL file
     * @param statement the keyword, e.g. {@code map_Kd}, for messages
     * @param line      the statement's line in the MTL file
     * @param bumpScale the {@code -bm} option, 1 when absent
     * @param refs      resolves {@code reference} against the MTL file's directory inside the scene root
     */
    record TextureRef(String reference, String statement, int line, float bumpScale, ReferencedFiles refs) {
        /** How messages name this map. */
        String what(String material) {
            return "line " + line + ": " + statement + " of material '" + material + "'";
        }
    }
}
