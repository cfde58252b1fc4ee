package io.photonfarm.coordinator.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * An archive being written to a stream, one regular file at a time. {@link #close()} finishes the
 * archive (and the compression) and closes the stream given to {@link #open}.
 *
 * <p>Compression runs at the fastest level: the payload is PNG and ZIP-compressed EXR, already
 * compressed, so deeper levels would spend CPU per download for a few percent.
 */
sealed interface ArchiveSink extends Closeable {
    /** Regular files are stored read-write for the owner, readable for everyone (no execute bits). */
    int FILE_MODE = 0100644;

    /**
     * Adds a regular file of exactly {@code size} bytes read from {@code in}, through {@code buffer}.
     *
     * @throws IOException if {@code in} ends before {@code size} bytes
     */
    void putFile(String name, long size, FileTime modified, InputStream in, byte[] buffer) throws IOException;

    static ArchiveSink open(ArchiveFormat format, OutputStream out) throws IOException {
        return switch (format) {
            case TAR -> new Tar(new TarArchiveOutputStream(out));
            case TAR_GZ -> {
                GzipParameters gz = new GzipParameters();
                gz.setCompressionLevel(Deflater.BEST_SPEED);
                yield new Tar(new TarArchiveOutputStream(new GzipCompressorOutputStream(out, gz)));
            }
            case ZIP -> new Zip(new ZipArchiveOutputStream(out));
        };
    }

    /** Copies exactly {@code size} bytes, failing if {@code in} ends early; a file that grew is cut at {@code size}. */
    static void copy(InputStream in, OutputStream out, long size, byte[] buffer, String name) throws IOException {
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("archiving " + name + ": the file ended after " + (size - left) + " of " + size + " bytes");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** POSIX (pax) tar: long names and sizes over 8 GiB are written as pax headers, readable by GNU and BSD tar. */
    final class Tar implements ArchiveSink {
        private final TarArchiveOutputStream tar;

        Tar(TarArchiveOutputStream tar) {
            this.tar = tar;
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        }

        @Override
        public void putFile(String name, long size, FileTime modified, InputStream in, byte[] buffer) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(size);
            e.setModTime(modified);
            e.setMode(FILE_MODE);
            // Not the coordinator's account: an archive says nothing about the server it came from.
            e.setIds(0, 0);
            e.setUserName("");
            e.setGroupName("");
            tar.putArchiveEntry(e);
            copy(in, tar, size, buffer, name);
            tar.closeArchiveEntry();
        }

        @Override
        public void close() throws IOException {
            tar.close();
        }
    }

    /**
     * Zip written to a plain stream: sizes and CRCs follow each entry in a data descriptor, so
     * nothing is buffered or seeked; Zip64 records are added where sizes or offsets need them.
     */
    final class Zip implements ArchiveSink {
        private final ZipArchiveOutputStream zip;

        Zip(ZipArchiveOutputStream zip) {
            this.zip = zip;
            zip.setLevel(Deflater.BEST_SPEED);
            zip.setMethod(ZipArchiveEntry.DEFLATED);
        }

        @Override
        public void putFile(String name, long size, FileTime modified, InputStream in, byte[] buffer) throws IOException {
            ZipArchiveEntry e = new ZipArchiveEntry(name);
            e.setSize(size);
            e.setLastModifiedTime(modified);
            e.setUnixMode(FILE_MODE);
            zip.putArchiveEntry(e);
            copy(in, zip, size, buffer, name);
            zip.closeArchiveEntry();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
