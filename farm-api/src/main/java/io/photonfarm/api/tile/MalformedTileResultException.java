package io.photonfarm.api.tile;

/** Bytes that claim to be an encoded {@link TileResult} but are not a valid one. */
public final class MalformedTileResultException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedTileResultException(String message) {
        super(message);
    }

    public MalformedTileResultException(String message, Throwable cause) {
        super(message, cause);
    }
}
