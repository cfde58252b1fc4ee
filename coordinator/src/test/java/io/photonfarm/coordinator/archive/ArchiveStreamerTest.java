package io.photonfarm.coordinator.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.job.JobId;
import io.photonfarm.coordinator.dataset.DatasetLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArchiveStreamerTest {
    private static final List<String> FINISHED = List.of(
            "arch-1/frames/000000/meta.json", "arch-1/frames/000000/radiance.exr", "arch-1/frames/000000/rgb.png",
            "arch-1/frames/000001/meta.json", "arch-1/frames/000001/radiance.exr", "arch-1/frames/000001/rgb.png",
            "arch-1/job.json");

    @TempDir
    Path root;
    private DatasetLayout layout;
    private ArchiveStreamer streamer;

    @BeforeEach
    void setUp() throws IOException {
        layout = DatasetFixture.create(root);
        streamer = new ArchiveStreamer(layout);
    }

    /** Reads every entry back with Commons Compress's streaming readers: name -> bytes, in archive order. */
    static Map<String, byte[]> extract(ArchiveFormat format, byte[] archive) throws IOException {
        InputStream in = new ByteArrayInputStream(archive);
        ArchiveInputStream<? extends ArchiveEntry> entries = switch (format) {
            case TAR -> new TarArchiveInputStream(in);
            case TAR_GZ -> new TarArchiveInputStream(new GzipCompressorInputStream(in));
            case ZIP -> new ZipArchiveInputStream(in);
        };
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (entries) {
            for (ArchiveEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                out.put(e.getName(), entries.readAllBytes());
            }
        }
        return out;
    }

    private byte[] stream(ArchiveFormat format, ArchiveFilter filter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArchiveReport report = streamer.stream(DatasetFixture.JOB, format, filter, out);
        assertEquals(out.size(), report.bytesWritten(), "the report counts every byte written");
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void everyFinishedFileIsArchivedSortedAndByteForByteAndNothingElse(ArchiveFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ArchiveReport report = streamer.stream(DatasetFixture.JOB, format, ArchiveFilter.ALL, out);

        Map<String, byte[]> entries = extract(format, out.toByteArray());
        assertEquals(FINISHED, new ArrayList<>(entries.keySet()),
                "sorted; no unfinished frame 2, spool, temporary file or file written after meta.json");
        for (var e : entries.entrySet()) {
            assertArrayEquals(Files.readAllBytes(layout.root().resolve("jobs").resolve(e.getKey())), e.getValue(), e.getKey());
        }
        assertEquals(new ArchiveReport(out.size(), 7, 2, 1, 0), report);
    }

    @Test
    void theZipHasACentralDirectoryThatAgreesWithItsEntries() throws IOException {
        byte[] zip = stream(ArchiveFormat.ZIP, ArchiveFilter.ALL);

        try (ZipFile file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            List<String> names = new ArrayList<>();
            for (ZipArchiveEntry e : java.util.Collections.list(file.getEntries())) {
                names.add(e.getName());
                try (InputStream in = file.getInputStream(e)) {
                    assertArrayEquals(Files.readAllBytes(layout.root().resolve("jobs").resolve(e.getName())), in.readAllBytes());
                }
            }
            assertEquals(FINISHED, names);
        }
    }

    @Test
    void theSystemTarAndUnzipExtractTheArchivesToTheSameFiles() throws IOException, InterruptedException {
        for (ArchiveFormat format : ArchiveFormat.values()) {
            Path archive = root.resolve("out." + format.value());
            Files.write(archive, stream(format, ArchiveFilter.ALL));
            Path dest = Files.createDirectories(root.resolve("extracted-" + format.name()));
            List<String> command = format == ArchiveFormat.ZIP
                    ? List.of("unzip", "-q", archive.toString(), "-d", dest.toString())
                    : List.of("tar", "-xf", archive.toString(), "-C", dest.toString());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + output);

            for (String name : FINISHED) {
                assertArrayEquals(Files.readAllBytes(layout.root().resolve("jobs").resolve(name)),
                        Files.readAllBytes(dest.resolve(name)), format + " " + name);
            }
            try (var all = Files.walk(dest)) {
                assertEquals(FINISHED.size(), all.filter(Files::isRegularFile).count(), format + ": nothing else extracted");
            }
        }
    }

    @Test
    void aFilterTakesAFrameRangeAndAFileSubsetAndKeepsTheJobFiles() throws IOException {
        byte[] tar = stream(ArchiveFormat.TAR, new ArchiveFilter(1, 5, Set.of("rgb.png")));

        assertEquals(List.of("arch-1/frames/000001/rgb.png", "arch-1/job.json"),
                new ArrayList<>(extract(ArchiveFormat.TAR, tar).keySet()));
    }

    @Test
    void linksInsideTheDatasetPointingOutsideAreNeitherFollowedNorArchived() throws IOException {
        Path outside = Files.createDirectories(root.resolve("secrets"));
        Files.writeString(outside.resolve("passwd"), "root:x:0:0");
        Path frame0 = layout.frameDir(DatasetFixture.JOB, 0);
        // A listed file replaced by a link, an unlisted link, a linked frame directory and a linked job file.
        Files.delete(frame0.resolve("rgb.png"));
        Files.createSymbolicLink(frame0.resolve("rgb.png"), outside.resolve("passwd"));
        Files.createSymbolicLink(frame0.resolve("leak"), outside.resolve("passwd"));
        Files.createDirectories(outside.resolve("000005"));
        Files.writeString(outside.resolve("000005/meta.json"), "{\"files\": [{\"name\": \"passwd\"}]}");
        Files.createSymbolicLink(layout.framesDir(DatasetFixture.JOB).resolve("000005"), outside.resolve("000005"));
        Files.createSymbolicLink(layout.jobDir(DatasetFixture.JOB).resolve("stats.json"), outside.resolve("passwd"));
        DatasetFixture.writeMeta(layout, 1, "{\"name\": \"../../../secrets/passwd\"}, {\"name\": \"rgb.png\"}");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArchiveReport report = streamer.stream(DatasetFixture.JOB, ArchiveFormat.TAR, ArchiveFilter.ALL, out);

        Map<String, byte[]> entries = extract(ArchiveFormat.TAR, out.toByteArray());
        assertEquals(List.of("arch-1/frames/000000/meta.json", "arch-1/frames/000000/radiance.exr",
                "arch-1/frames/000001/meta.json", "arch-1/frames/000001/rgb.png", "arch-1/job.json"),
                new ArrayList<>(entries.keySet()));
        for (byte[] content : entries.values()) {
            assertTrue(!new String(content, java.nio.charset.StandardCharsets.ISO_8859_1).contains("root:x:0:0"));
        }
        assertEquals(4, report.refusedFiles(), "the linked rgb.png, frame directory and stats.json, the '..' name");
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArchiveFormat.parse("rar"));

        assertEquals("archive format 'rar': expected one of tar, tar.gz, zip", e.getMessage());
        assertEquals(ArchiveFormat.TAR_GZ, ArchiveFormat.parse("tar.gz"));
    }

    @Test
    void aFilterNamingAPathInsteadOfAFileIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ArchiveFilter(0, 1, Set.of("../job.json")));

        assertTrue(e.getMessage().startsWith("archive filter: file name '../job.json' is not a plain file name"), e.getMessage());
    }

    @Test
    void aJobWithoutADatasetIsReportedBeforeAnyByteIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThrows(NoSuchFileException.class,
                () -> streamer.stream(new JobId("nope"), ArchiveFormat.ZIP, ArchiveFilter.ALL, out));
        assertEquals(0, out.size());
    }

    @Test
    void aFileThatDisagreesWithItsMetaJsonSizeFailsTheArchiveLoudly() throws IOException {
        Files.write(layout.rgbPng(DatasetFixture.JOB, 1), new byte[7]);

        IOException e = assertThrows(IOException.class,
                () -> streamer.stream(DatasetFixture.JOB, ArchiveFormat.TAR, ArchiveFilter.ALL, new ByteArrayOutputStream()));

        assertTrue(e.getMessage().endsWith("rgb.png: 7 bytes, but meta.json recorded 3100"), e.getMessage());
    }
}
