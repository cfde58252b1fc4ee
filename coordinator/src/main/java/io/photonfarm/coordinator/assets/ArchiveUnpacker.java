package io.photonfarm.coordinator.assets;

import io.photonfarm.scene.upload.AssetTar;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks an uploaded zip, tar or tar.gz into an empty folder, refusing whatever could reach outside
 * it or exhaust the coordinator: absolute paths, {@code ..} segments, links and device entries,
 * more than {@link AssetLimits#maxEntries()} entries, more than {@link AssetLimits#maxUnpackedBytes()}
 * bytes (counted as they are written, whatever the headers declare). Entries are read in stream
 * order from the local headers, so what is checked is exactly what is written.
 */
final class ArchiveUnpacker {
    private final AssetLimits limits;

    ArchiveUnpacker(AssetLimits limits) {
        this.limits = limits;
    }

    /**
     * @param upload the archive file
     * @param name   its upload name, for messages
     * @param into   an empty folder
     * @return the relative paths of the files written, in archive order
     * @throws AssetException 400 for hostile or unreadable archives, 413 over a limit
     */
    List<String> unpack(Path upload, String name, UploadFormat format, Path into) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(upload), 1 << 16);
             ArchiveInputStream<?> in = open(raw, format)) {
            return copyAll(in, name, into);
        } catch (AssetException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // Commons Compress reports corrupt archives as IOException (ZipException, EOF...) or IllegalArgumentException.
            throw AssetException.invalid("upload '" + name + "': not a readable " + format.label + " archive: " + e.getMessage());
        }
    }

    private static ArchiveInputStream<?> open(InputStream raw, UploadFormat format) throws IOException {
        return switch (format) {
            case ZIP -> new ZipArchiveInputStream(raw, StandardCharsets.UTF_8.name(), true, true);
            case TAR -> new TarArchiveInputStream(raw);
            case TAR_GZ -> new TarArchiveInputStream(new GzipCompressorInputStream(raw, true));
            default -> throw new IllegalArgumentException(format + " is not an archive");
        };
    }

    private List<String> copyAll(ArchiveInputStream<?> in, String name, Path into) throws IOException {
        List<String> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Path root = into.toAbsolutePath().normalize();
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[1 << 16];
        for (ArchiveEntry e; (e = in.getNextEntry()) != null;) {
            if (++entries > limits.maxEntries()) {
                throw AssetException.tooLarge("upload '" + name + "': more than " + limits.maxEntries()
                        + " archive entries; the limit is " + limits.maxEntries() + " (assets.maxEntries)");
            }
            String path = entryPath(e, name);
            if (e.isDirectory()) {
                continue;
            }
            if (e.getSize() > limits.maxUnpackedBytes() - unpacked) {
                throw tooMuch(name, path, "declares " + e.getSize() + " bytes, past");
            }
            if (!seen.add(path)) {
                throw AssetException.invalid("upload '" + name + "': archive entry '" + path + "' appears twice");
            }
            Path target = root.resolve(path).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw escapes(name, path);
            }
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    unpacked += n;
                    if (unpacked > limits.maxUnpackedBytes()) {
                        throw tooMuch(name, path, "unpacks past");
                    }
                    out.write(buffer, 0, n);
                }
            }
            files.add(path);
        }
        if (files.isEmpty()) {
            throw AssetException.invalid("upload '" + name + "': the archive holds no files");
        }
        return files;
    }

    /** The entry's path as checked: relative, no '..', no link or special file. */
    private static String entryPath(ArchiveEntry e, String name) {
        String raw = e.getName();
        if (e instanceof TarArchiveEntry t) {
            if (t.isSymbolicLink() || t.isLink()) {
                throw AssetException.invalid("upload '" + name + "': archive entry '" + raw + "' is a "
                        + (t.isSymbolicLink() ? "symbolic" : "hard") + " link (to '" + t.getLinkName()
                        + "'); archives may hold only regular files and folders");
            }
            if (!t.isFile() && !t.isDirectory()) {
                throw AssetException.invalid("upload '" + name + "': archive entry '" + raw
                        + "' is a device, pipe or other special file; archives may hold only regular files and folders");
            }
        }
        String path = raw.replaceAll("/+$", "");
        if (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (e.isDirectory() && (path.isEmpty() || path.equals("."))) {
            return path; // the archive's own root folder
        }
        if (raw.startsWith("/") || raw.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
            throw AssetException.invalid("upload '" + name + "': archive entry '" + raw
                    + "' is an absolute path; entries must be relative to the archive");
        }
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw escapes(name, raw);
            }
        }
        if (!AssetTar.isSafePath(path)) {
            throw AssetException.invalid("upload '" + name + "': archive entry '" + raw + "' has an unsupported path: "
                    + "at most " + AssetTar.MAX_PATH_BYTES + " bytes of letters, digits, spaces and . _ - ( ) + , @ ~ = & [ ], "
                    + "'/' between folders");
        }
        return path;
    }

    private static AssetException escapes(String name, String path) {
        return AssetException.invalid("upload '" + name + "': archive entry '" + path
                + "' leaves the asset folder through '..' (zip slip); entries must stay inside the archive");
    }

    private AssetException tooMuch(String name, String path, String what) {
        return AssetException.tooLarge("upload '" + name + "': archive entry '" + path + "' " + what
                + " the limit of " + AssetLimits.size(limits.maxUnpackedBytes()) + " unpacked in all (assets.maxUnpackedBytes)");
    }
}
