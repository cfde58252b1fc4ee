package io.photonfarm.image;

/** One channel of an OpenEXR file as its header declares it (sampling is always 1 here). */
record ExrChannel(String name, ExrPixelType type) {
}
