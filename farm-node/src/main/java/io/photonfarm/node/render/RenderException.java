package io.photonfarm.node.render;

/** A tile could not be rendered; the message names the tile, samples and, where known, the pixel. */
public class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
