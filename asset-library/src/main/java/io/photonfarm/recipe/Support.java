package io.photonfarm.recipe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What objects stand on.
 *
 * @param surface  {@code tabletop} (default: a 1.2 x 0.8 m table, top at 0.75 m, on a ground plane)
 *                 or {@code ground} (a ground plane at y = 0)
 * @param sizeX    extent of the placement area along x, metres (default: the table top less 5 cm per side, or 1 m on the ground)
 * @param sizeZ    extent of the placement area along z, metres (same defaults)
 * @param material how the table (or the ground) looks (default: wood for a table, grey noise for the ground)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Support(String surface, Double sizeX, Double sizeZ, MaterialSpec material) {
    public boolean tabletop() {
        return surface == null || surface.equals("tabletop");
    }
}
