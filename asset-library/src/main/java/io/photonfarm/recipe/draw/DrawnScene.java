package io.photonfarm.recipe.draw;

import io.photonfarm.scene.Scene;

/**
 * A frame's concrete scene (its camera included) and the record of what was drawn for it.
 *
 * @param scene the scene to render and label
 * @param frame what was drawn
 */
public record DrawnScene(Scene scene, DrawnFrame frame) {
}
