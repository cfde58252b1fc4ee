package io.photonfarm.coordinator.dataset;

import io.photonfarm.coordinator.jobs.SceneCatalog;
import io.photonfarm.coordinator.labels.FrameLabeler;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.work.WorkUnitKey;
import io.photonfarm.image.FloatImage;
import io.photonfarm.image.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameAssemblerTest {
    private static final long ACCEPTED = 2;
    private static final long STALE = 1;

    @TempDir
    Path root;
    private DatasetLayout layout;
    private TileSpool spool;
    private FrameAssembler assembler;
    /** 10 x 7 pixels in 3 x 2 tiles of 4 x 4 (ragged right and bottom edges), 8 spp as two ranges: 12 units. */
    private final SyntheticFrame synthetic = new SyntheticFrame(3, 10, 7, 8, 4,
            List.of(new SampleRange(0, 4), new SampleRange(4, 4)));

    @BeforeEach
    void setUp() {
        layout = new DatasetLayout(root);
        spool = new TileSpool(layout, 1 << 20);
        assembler = new FrameAssembler(layout, spool, Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC),
                new FrameLabeler(new SceneCatalog()::scene));
    }

    private List<AcceptedUnit> spoolEveryUnit() throws IOException {
        List<AcceptedUnit> units = new ArrayList<>();
        for (WorkUnitKey k : synthetic.keys()) {
            spool.write(k, ACCEPTED, synthetic.encoded(k.tileIndex(), k.rangeIndex()));
            units.add(new AcceptedUnit(k, ACCEPTED));
        }
        return units;
    }

    @Test
    void shuffledTilesAssembleToExactlyTheDirectlyComputedMeanIgnoringStaleEpochs() throws IOException {
        List<AcceptedUnit> units = spoolEveryUnit();
        // A node whose lease was taken over uploaded different bytes for tile 0 range 0 under the old epoch.
        spool.write(synthetic.key(0, 0), STALE, synthetic.encoded(1, 1));
        Collections.shuffle(units, new Random(5));

        AssemblyResult result = assembler.assemble(synthetic.frame, units);

        assertEquals(AssemblyResult.Status.WRITTEN, result.status());
        FloatImage exr = Images.readExr(layout.radianceExr(SyntheticFrame.JOB, 3));
        assertEquals(10, exr.width());
        assertEquals(7, exr.height());
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 10; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(Float.floatToIntBits(synthetic.expectedMean(x, y, c)), Float.floatToIntBits(exr.get(x, y, c)),
                            "pixel (" + x + ", " + y + ") channel " + c);
                }
            }
        }
        assertTrue(Files.size(layout.rgbPng(SyntheticFrame.JOB, 3)) > 0);
        assertTrue(Files.exists(layout.metaJson(SyntheticFrame.JOB, 3)));
        assertFalse(Files.exists(layout.frameSpoolDir(SyntheticFrame.JOB, 3)), "the frame's spool, stale epoch included, is deleted");
    }

    @Test
    void aMissingUnitIsRefusedNamingTheFirstPixelAndItsCount() throws IOException {
        List<AcceptedUnit> units = spoolEveryUnit();
        units.removeIf(u -> u.key().equals(synthetic.key(1, 1))); // tile 1 starts at (4, 0)

        FrameAssemblyException e = assertThrows(FrameAssemblyException.class, () -> assembler.assemble(synthetic.frame, units));

        assertEquals("assembling frame synthetic-1/3: pixel (4, 0) received 4 samples, expected 8 (11 units accepted; "
                + "a unit is missing or doubled)", e.getMessage());
        assertFalse(Files.exists(layout.frameDir(SyntheticFrame.JOB, 3)), "nothing of the frame is written");
        assertTrue(spool.read(synthetic.key(0, 0), ACCEPTED).isPresent(), "the spool stays for a retry");
    }

    @Test
    void aUnitAcceptedTwiceIsRefusedNamingIt() throws IOException {
        List<AcceptedUnit> units = spoolEveryUnit();
        spool.write(synthetic.key(2, 0), 3, synthetic.encoded(2, 0));
        units.add(new AcceptedUnit(synthetic.key(2, 0), 3));

        FrameAssemblyException e = assertThrows(FrameAssemblyException.class, () -> assembler.assemble(synthetic.frame, units));

        assertEquals("assembling frame synthetic-1/3: unit synthetic-1/3/2/0 accepted twice (epochs 2 and 3)", e.getMessage());
    }

    @Test
    void aResultDoubledUnderAnotherUnitsNameIsRefusedByItsSampleCount() throws IOException {
        List<AcceptedUnit> units = spoolEveryUnit();
        WorkUnitKey impostor = new WorkUnitKey(SyntheticFrame.JOB, 3, 40, 0);
        spool.write(impostor, ACCEPTED, synthetic.encoded(4, 1)); // tile 4 starts at (4, 4)
        units.add(new AcceptedUnit(impostor, ACCEPTED));

        FrameAssemblyException e = assertThrows(FrameAssemblyException.class, () -> assembler.assemble(synthetic.frame, units));

        assertEquals("assembling frame synthetic-1/3: pixel (4, 4) received 12 samples, expected 8 (13 units accepted; "
                + "a unit is missing or doubled)", e.getMessage());
    }

    @Test
    void aDoubledRangeHidingAMissingOneIsRefusedThoughTheCountsAddUp() throws IOException {
        List<AcceptedUnit> units = spoolEveryUnit();
        // Range 1 of tile 0 carries range 0's samples again: 8 samples per pixel, but [4, 8) never rendered.
        spool.write(synthetic.key(0, 1), ACCEPTED, synthetic.encoded(0, 0));

        FrameAssemblyException e = assertThrows(FrameAssemblyException.class, () -> assembler.assemble(synthetic.frame, units));

        assertTrue(e.getMessage().startsWith("assembling frame synthetic-1/3: tile TileRect[x=0, y=0, width=4, height=4] "
                + "has samples [0, 4) from unit synthetic-1/3/0/"), e.getMessage());
        assertTrue(e.getMessage().endsWith("where sample 4 was expected (a range is doubled)"), e.getMessage());
    }

    @Test
    void aUnitMissingFromTheSpoolIsRefusedNamingUnitAndEpoch() throws IOException {
        List<AcceptedUnit> units = spoolEveryUnit();
        spool.delete(synthetic.key(4, 0), ACCEPTED);

        FrameAssemblyException e = assertThrows(FrameAssemblyException.class, () -> assembler.assemble(synthetic.frame, units));

        assertEquals("assembling frame synthetic-1/3: no spooled result for unit synthetic-1/3/4/0 epoch 2", e.getMessage());
    }

    @Test
    void aSecondAssemblyOfAWrittenFrameWritesNothing() throws IOException {
        List<AcceptedUnit> units = spoolEveryUnit();
        assembler.assemble(synthetic.frame, units);
        Path meta = layout.metaJson(SyntheticFrame.JOB, 3);
        byte[] metaBefore = Files.readAllBytes(meta);
        byte[] exrBefore = Files.readAllBytes(layout.radianceExr(SyntheticFrame.JOB, 3));
        var modified = Files.getLastModifiedTime(meta);

        // After a restart the trigger may replay, with the spool already gone.
        AssemblyResult again = assembler.assemble(synthetic.frame, units);

        assertEquals(AssemblyResult.Status.ALREADY_WRITTEN, again.status());
        assertArrayEquals(metaBefore, Files.readAllBytes(meta));
        assertArrayEquals(exrBefore, Files.readAllBytes(layout.radianceExr(SyntheticFrame.JOB, 3)));
        assertEquals(modified, Files.getLastModifiedTime(meta));
    }

    @Test
    void noTemporaryFilesRemainInTheFrameDirectory() throws IOException {
        assembler.assemble(synthetic.frame, spoolEveryUnit());

        try (var files = Files.list(layout.frameDir(SyntheticFrame.JOB, 3))) {
            assertEquals(List.of("meta.json", "radiance.exr", "rgb.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
