package io.photonfarm.scene.upload;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The canonical form of a multi-file asset (a glTF with its buffers and textures, an OBJ with its
 * MTL and maps) as it is stored, hashed and sent to nodes: a POSIX ustar archive of regular files
 * only, the scene file first and the rest sorted by path, every header fixed (mode 0644, owner 0,
 * time 0), so the same files always give the same bytes and so the same SHA-256.
 *
 * <p>Reading is as strict as writing: only regular-file entries with safe relative paths
 * ({@link #PATH}), at most a given number of bytes in all, so a corrupt or forged archive cannot
 * write outside the folder it is unpacked into.
 */
public final class AssetTar {
    /** Entry paths: relative, '/'-separated, no '.' or '..' segment, at most 100 bytes (the ustar name field). */
    public static final Pattern PATH = Pattern.compile("(?!.*(^|/)\\.{1,2}(/|$))[A-Za-z0-9._ ()+,@~=&\\[\\]-]+(/[A-Za-z0-9._ ()+,@~=&\\[\\]-]+)*");
    /** The longest entry path, bytes. */
    public static final int MAX_PATH_BYTES = 100;

    private static final int BLOCK = 512;

    /** One file of an asset. */
    public record Entry(String path, Path file) {
    }

    private AssetTar() {
    }

    /** Whether {@code path} may name an entry. */
    public static boolean isSafePath(String path) {
        return path != null && path.getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES && PATH.matcher(path).matches();
    }

    /**
     * Writes the canonical archive of {@code entries}, in the order given (the caller puts the scene
     * file first and sorts the rest). Does not close {@code out}.
     */
    public static void write(List<Entry> entries, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (Entry e : entries) {
            if (!isSafePath(e.path())) {
                throw new IOException("asset archive: unsafe entry path '" + e.path() + "'");
            }
            long size = Files.size(e.file());
            out.write(header(e.path(), size));
            long copied = 0;
            try (InputStream in = Files.newInputStream(e.file())) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    out.write(buffer, 0, n);
                    copied += n;
                }
            }
            if (copied != size) {
                throw new IOException("asset archive: " + e.path() + " changed while it was archived");
            }
            out.write(new byte[(int) ((BLOCK - size % BLOCK) % BLOCK)]);
        }
        out.write(new byte[BLOCK * 2]);
    }

    /**
     * Unpacks a canonical archive into the empty directory {@code into}.
     *
     * @param maxBytes the most file bytes unpacked in all
     * @return the entry paths in archive order (the scene file first)
     * @throws IOException if the archive is malformed, holds anything but regular files with safe
     *                     paths, names a path twice, or exceeds {@code maxBytes}
     */
    public static List<String> unpack(InputStream in, Path into, long maxBytes) throws IOException {
        List<String> paths = new ArrayList<>();
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        while (true) {
            byte[] h = in.readNBytes(BLOCK);
            if (h.length < BLOCK) {
                throw new EOFException("asset archive: truncated header after " + paths.size() + " entries");
            }
            if (isZero(h)) {
                return paths;
            }
            String path = text(h, 0, 100);
            char type = (char) h[156];
            if (type != '0' && type != '\0') {
                throw new IOException("asset archive: entry '" + path + "' is not a regular file (type '" + type + "')");
            }
            if (!isSafePath(path) || paths.contains(path)) {
                throw new IOException("asset archive: refusing entry path '" + path + "'");
            }
            long size = octal(h, 124, 12, path);
            total += size;
            if (total > maxBytes) {
                throw new IOException("asset archive: more than " + maxBytes + " bytes of files");
            }
            Path target = into.resolve(path).normalize();
            if (!target.startsWith(into)) {
                throw new IOException("asset archive: entry '" + path + "' leaves the folder");
            }
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW)) {
                long left = size;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new EOFException("asset archive: entry '" + path + "' is truncated");
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
            in.readNBytes((int) ((BLOCK - size % BLOCK) % BLOCK));
            paths.add(path);
        }
    }

    private static byte[] header(String path, long size) {
        byte[] h = new byte[BLOCK];
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(name, 0, h, 0, name.length);
        putOctal(h, 100, 8, 0644);
        putOctal(h, 108, 8, 0);
        putOctal(h, 116, 8, 0);
        putOctal(h, 124, 12, size);
        putOctal(h, 136, 12, 0);
        h[156] = '0';
        byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, h, 257, magic.length);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        putOctal(h, 148, 7, sum);
        return h;
    }

    private static void putOctal(byte[] h, int at, int width, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > width - 1) {
            throw new IllegalArgumentException("value " + value + " does not fit a " + width + "-byte tar field");
        }
        String padded = "0".repeat(width - 1 - digits.length()) + digits;
        byte[] b = padded.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, b.length);
        h[at + width - 1] = 0;
    }

    private static long octal(byte[] h, int at, int width, String path) throws IOException {
        String s = text(h, at, width).trim();
        try {
            return Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException("asset archive: entry '" + path + "' has a malformed size '" + s + "'");
        }
    }

    private static String text(byte[] h, int at, int width) {
        int end = at;
        while (end < at + width && h[end] != 0) {
            end++;
        }
        return new String(h, at, end - at, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The path of the first entry (the scene file of a canonical archive). */
    public static String firstPath(InputStream in) throws IOException {
        byte[] h = in.readNBytes(BLOCK);
        if (h.length < BLOCK || isZero(h)) {
            throw new EOFException("asset archive: no entry");
        }
        String path = text(h, 0, 100);
        if (!isSafePath(path)) {
            throw new IOException("asset archive: refusing entry path '" + path + "'");
        }
        return path;
    }

    /** The canonical archive of {@code entries} in memory (for tests and small assets). */
    public static byte[] bytes(List<Entry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(entries, out);
        return out.toByteArray();
    }
}
