package io.photonfarm.scene.gpu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Allocation and small writers for std430 buffers. */
final class Std430 {
    private Std430() {
    }

    /**
     * A zeroed direct little-endian buffer for {@code count} elements of {@code stride} bytes; one
     * element when {@code count == 0}, because Vulkan forbids buffers of size 0.
     */
    static ByteBuffer allocate(long count, int stride) {
        long bytes = Math.max(1, count) * stride;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(count + " elements of " + stride + " bytes exceed one 2 GiB buffer");
        }
        return ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static void putVec4(ByteBuffer b, float x, float y, float z, float w) {
        b.putFloat(x).putFloat(y).putFloat(z).putFloat(w);
    }

    /** Puts the three floats of {@code v[at..at+3)} (a vec3 without its padding word). */
    static void putVec3(ByteBuffer b, float[] v, int at) {
        b.putFloat(v[at]).putFloat(v[at + 1]).putFloat(v[at + 2]);
    }

    /** Puts a vec3 from {@code v[at..at+3)} and w. */
    static void putVec4(ByteBuffer b, float[] v, int at, float w) {
        b.putFloat(v[at]).putFloat(v[at + 1]).putFloat(v[at + 2]).putFloat(w);
    }
}
