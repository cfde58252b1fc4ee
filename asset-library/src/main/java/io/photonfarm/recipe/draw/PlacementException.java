package io.photonfarm.recipe.draw;

/** A frame's objects could not all be placed without interpenetration within the attempts allowed. */
public final class PlacementException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public PlacementException(String message) {
        super(message);
    }
}
