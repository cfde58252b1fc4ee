package io.photonfarm.node.work;

import io.photonfarm.api.job.JobId;
import io.photonfarm.api.tile.SampleRange;
import io.photonfarm.api.tile.TileRect;
import io.photonfarm.api.work.Assignment;
import io.photonfarm.api.work.CameraPose;
import io.photonfarm.api.work.ClaimReply;
import io.photonfarm.api.work.FrameSpec;
import io.photonfarm.api.work.Lease;
import io.photonfarm.api.work.Vec3;
import io.photonfarm.api.work.WorkGrant;
import io.photonfarm.api.work.WorkUnit;
import io.photonfarm.api.work.WorkUnitKey;
import java.util.ArrayList;
import java.util.List;

/** Work grants for tests: units of one 64x32 frame of the built-in Cornell box, 32x32 tiles. */
final class Grants {
    static final JobId JOB = new JobId("job-1");
    static final String CORNELL_HASH = "c0".repeat(32);
    static final CameraPose CORNELL_CAMERA = new CameraPose(new Vec3(0.278, 0.273, -0.8), new Vec3(0.278, 0.273, 0),
            new Vec3(0, 1, 0), 39.3077, 0, 0);

    private Grants() {
    }

    static FrameSpec frame(int frame) {
        return new FrameSpec(JOB, frame, "builtin:cornell-box", CORNELL_HASH, 64, 32, 42, 4, CORNELL_CAMERA);
    }

    /** The i-th unit of {@link #batch}: tiles alternate 0, 1; every pair of units is the next sample range. */
    static WorkUnitKey key(int i) {
        return new WorkUnitKey(JOB, 0, i % 2, i / 2);
    }

    /** The i-th unit of frame 0 ({@link #key}), {@code spp} samples per range, under a lease with {@code epoch}. */
    static WorkGrant grant(int i, long epoch, int spp) {
        WorkUnitKey key = key(i);
        WorkUnit unit = new WorkUnit(key, new TileRect(32 * key.tileIndex(), 0, 32, 32),
                new SampleRange(key.rangeIndex() * spp, spp));
        return new WorkGrant(new Assignment(new Lease(key, epoch, "node-1", Long.MAX_VALUE), unit), frame(0));
    }

    /** Units 0 .. n-1, epoch 1, 2 samples each. */
    static ClaimReply batch(int n) {
        List<WorkGrant> grants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            grants.add(grant(i, 1, 2));
        }
        return new ClaimReply(grants);
    }
}
