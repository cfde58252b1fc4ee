package io.photonfarm.sensor;

/**
 * An encoded image file, ready to write.
 *
 * @param fileName the name it is written under in a frame's directory ({@code rgb.png}, {@code rgb.jpg}, {@code raw.png})
 * @param bytes    the file's contents; callers must not modify them
 */
public record EncodedImage(String fileName, byte[] bytes) {
}
