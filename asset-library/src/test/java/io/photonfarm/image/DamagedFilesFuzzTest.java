package io.photonfarm.image;

import static io.photonfarm.image.ExrBytes.HALF;
import static org.junit.jupiter.api.Assertions.fail;

import io.photonfarm.image.ExrBytes.Channel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncates and overwrites bytes of valid files at random (fixed seeds, so a failure replays):
 * every reader must either decode the result or throw an IOException, never anything else, and
 * never hang.
 */
class DamagedFilesFuzzTest {
    @TempDir
    Path dir;

    private List<byte[]> validFiles() throws IOException {
        List<byte[]> files = new ArrayList<>();
        Path zip = dir.resolve("smooth.exr");
        Images.writeExr(ExrRoundTripTest.smooth(9, 35, 4), zip);
        files.add(Files.readAllBytes(zip));
        Path raw = dir.resolve("noise.exr");
        Images.writeExr(ExrRoundTripTest.noise(5, 18, 2, 4), List.of("Z", "id"), raw);
        files.add(Files.readAllBytes(raw));
        List<byte[]> lines = new ArrayList<>();
        for (int y = 0; y < 3; y++) {
            ByteBuffer line = ExrBytes.raw(2 * 16);
            for (int x = 0; x < 16; x++) {
                line.putShort((short) (x < 9 ? 0x3C00 : 0x4000 + y));
            }
            lines.add(ExrBytes.rle(ExrBytes.predict(line.array())));
        }
        files.add(ExrBytes.scanlineFile(List.of(new Channel("Y", HALF)), ExrBytes.RLE, 2, 3, 17, 5, 1, lines));
        files.add(HdrFiles.file(HdrFiles.header("-Y 2 +X 8"),
                2, 2, 0, 8, 0x84, 128, 0x04, 200, 100, 50, 255, 0x88, 0, 0x88, 64, 0x84, 129, 0x82, 130, 0x02, 120, 136,
                2, 2, 0, 8, 0x08, 1, 2, 3, 4, 5, 6, 7, 8, 0x88, 0, 0x88, 0, 0x84, 0, 0x84, 128));
        return files;
    }

    @Test
    @Timeout(120)
    void randomlyDamagedFilesFailOnlyWithIoExceptions() throws IOException {
        List<byte[]> files = validFiles();
        Path target = dir.resolve("damaged.img");
        for (int f = 0; f < files.size(); f++) {
            SplittableRandom rnd = new SplittableRandom(f);
            byte[] valid = files.get(f);
            for (int trial = 0; trial < 400; trial++) {
                byte[] damaged;
                if (trial % 4 == 0) {
                    damaged = Arrays.copyOf(valid, rnd.nextInt(valid.length));
                } else {
                    damaged = valid.clone();
                    int edits = 1 + rnd.nextInt(4);
                    for (int e = 0; e < edits; e++) {
                        int at = trial % 4 == 1 ? rnd.nextInt(Math.min(damaged.length, 400)) : rnd.nextInt(damaged.length);
                        damaged[at] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : damaged[at] ^ (1 << rnd.nextInt(8)));
                    }
                }
                Files.write(target, damaged);
                String where = "file " + f + " trial " + trial;
                readOrRefuse(() -> Images.readEnvironment(target), where);
                if (f < 3) {
                    readOrRefuse(() -> Images.readExrChannels(target), where);
                }
            }
        }
    }

    @FunctionalInterface
    interface Read {
        Object run() throws IOException;
    }

    private static void readOrRefuse(Read read, String where) {
        try {
            read.run();
        } catch (IOException expected) {
            // Refused with a checked, descriptive error: fine.
        } catch (RuntimeException | Error e) {
            fail(where + ": " + e, e);
        }
    }
}
