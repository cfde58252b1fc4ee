package io.photonfarm.scene.io;

import java.util.Arrays;

/** A growable int array: loaders collect millions of indices without boxing them. */
final class IntList {
    private int[] values;
    private int size;

    IntList(int initialCapacity) {
        values = new int[Math.max(initialCapacity, 4)];
    }

    void add(int v) {
        if (size == values.length) {
            grow();
        }
        values[size++] = v;
    }

    int get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }

    private void grow() {
        // 1.5x keeps the spare capacity (and the peak during the copy) modest for large files.
        long next = Math.min((long) values.length + (values.length >> 1) + 1, Integer.MAX_VALUE - 16);
        if (next <= values.length) {
            throw new IllegalStateException("int list full at " + size);
        }
        values = Arrays.copyOf(values, (int) next);
    }
}
