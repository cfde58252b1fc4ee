package io.photonfarm.scene.io;

import java.util.Arrays;

/** A growable float array: loaders collect millions of coordinates without boxing them. */
final class FloatList {
    private float[] values;
    private int size;

    FloatList(int initialCapacity) {
        values = new float[Math.max(initialCapacity, 4)];
    }

    void add(float v) {
        if (size == values.length) {
            grow();
        }
        values[size++] = v;
    }

    float get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }

    float[] toArray() {
        return Arrays.copyOf(values, size);
    }

    private void grow() {
        // 1.5x keeps the spare capacity (and the peak during the copy) modest for large files.
        long next = Math.min((long) values.length + (values.length >> 1) + 1, Integer.MAX_VALUE - 16);
        if (next <= values.length) {
            throw new IllegalStateException("float list full at " + size);
        }
        values = Arrays.copyOf(values, (int) next);
    }
}
