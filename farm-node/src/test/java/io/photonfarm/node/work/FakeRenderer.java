package io.photonfarm.node.work;

import io.photonfarm.api.tile.TileResult;
import io.photonfarm.api.work.FrameSpec;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A renderer in a test: sums that name the unit, an optional delay, failures on chosen units. */
final class FakeRenderer implements UnitRenderer {
    final List<WorkUnitKey> started = new CopyOnWriteArrayList<>();
    final List<WorkUnitKey> finished = new CopyOnWriteArrayList<>();
    final Set<WorkUnitKey> failing = ConcurrentHashMap.newKeySet();
    volatile long millisPerUnit;

    @Override
    public TileResult render(FrameSpec frame, WorkUnit unit) throws InterruptedException {
        started.add(unit.key());
        Thread.sleep(millisPerUnit);
        if (failing.contains(unit.key())) {
            throw new IllegalStateException("device lost while rendering " + unit.key());
        }
        finished.add(unit.key());
        return expected(unit);
    }

    /** The result this renderer gives for {@code unit}: every sum differs and depends on the unit. */
    static TileResult expected(WorkUnit unit) {
        long[] sums = new long[unit.rect().pixelCount() * 3];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = unit.key().tileIndex() * 1_000_000L + unit.samples().first() * 1_000L + i;
        }
        return new TileResult(unit.rect(), unit.samples(), sums);
    }
}
