package io.photonfarm.coordinator.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the bytes passed to the stream beneath, and shields it from {@link #close()}: the archive
 * writers close their stream to finish the archive, but the caller's stream (an HTTP response)
 * belongs to the caller.
 */
final class CountingOutputStream extends FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
    }

    /** Flushes; does not close the stream beneath. */
    @Override
    public void close() throws IOException {
        out.flush();
    }

    long count() {
        return count;
    }
}
