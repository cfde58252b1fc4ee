package io.photonfarm.api.work;

import io.photonfarm.api.job.JobId;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Several finished units in one request: the body of {@code POST /api/v1/nodes/{nodeId}/results}.
 * A node whose claims are batches finishes several units between two uploads; sending them
 * together costs one request instead of one each. The coordinator checks each unit's lease on its
 * own and answers each in a {@link ResultBatchReply}.
 *
 * <p>Binary, big-endian ({@code application/octet-stream}): magic {@code PFRB} (4 bytes), version
 * (2, now 1), count (2, 1 to {@value #MAX_RESULTS}); then per result: job id length (1) and the
 * job id in ASCII, frame (4), tile (4), sample range (4), lease epoch (8), result length (4) and the
 * result, a tile result in the format of {@link io.photonfarm.api.tile.TileResultCodec}.
 *
 * @param results the units' results, in the order the node finished them
 */
public record ResultBatch(List<Result> results) {
    /** The most results one batch may carry. */
    public static final int MAX_RESULTS = 256;
    private static final int MAGIC = 0x50465242; // "PFRB"
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = 8;
    private static final int FIXED_RESULT_BYTES = 1 + 4 + 4 + 4 + 8 + 4;

    /**
     * One unit's result.
     *
     * @param lease   the unit and the epoch of the lease it was rendered under
     * @param encoded the tile result's bytes (not copied: do not change them)
     */
    public record Result(LeaseRef lease, byte[] encoded) {
        public Result {
            if (lease == null || encoded == null) {
                throw new IllegalArgumentException("batched result: lease and bytes must be set");
            }
        }
    }

    public ResultBatch {
        if (results == null || results.isEmpty() || results.size() > MAX_RESULTS) {
            throw new IllegalArgumentException("result batch of " + (results == null ? "null" : results.size())
                    + " results: 1.." + MAX_RESULTS + " allowed");
        }
        results = List.copyOf(results);
    }

    /** The size of the encoded batch, bytes. */
    public long encodedSize() {
        long size = HEADER_BYTES;
        for (Result r : results) {
            size += FIXED_RESULT_BYTES + r.lease().key().jobId().value().length() + r.encoded().length;
        }
        return size;
    }

    /** The batch as a request body. */
    public byte[] encode() {
        long size = encodedSize();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("result batch of " + results.size() + " results: " + size
                    + " bytes, too many for one request");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.BIG_ENDIAN);
        buf.putInt(MAGIC).putShort((short) VERSION).putShort((short) results.size());
        for (Result r : results) {
            WorkUnitKey k = r.lease().key();
            byte[] job = k.jobId().value().getBytes(StandardCharsets.US_ASCII);
            buf.put((byte) job.length).put(job);
            buf.putInt(k.frame()).putInt(k.tileIndex()).putInt(k.rangeIndex()).putLong(r.lease().epoch());
            buf.putInt(r.encoded().length).put(r.encoded());
        }
        return buf.array();
    }

    /**
     * Reads a batch. The results' own bytes are not checked here.
     *
     * @param maxResultBytes the largest result accepted, bytes
     * @throws IllegalArgumentException naming what is wrong and where, if the body is not a valid batch
     */
    public static ResultBatch decode(byte[] body, long maxResultBytes) {
        ByteBuffer buf = ByteBuffer.wrap(body).order(ByteOrder.BIG_ENDIAN);
        try {
            if (buf.remaining() < HEADER_BYTES || buf.getInt() != MAGIC) {
                throw new IllegalArgumentException("result batch: not a PFRB batch (bad magic)");
            }
            int version = buf.getShort() & 0xFFFF;
            if (version != VERSION) {
                throw new IllegalArgumentException("result batch: version " + version + ", only " + VERSION + " is known");
            }
            int count = buf.getShort() & 0xFFFF;
            if (count < 1 || count > MAX_RESULTS) {
                throw new IllegalArgumentException("result batch: " + count + " results, 1.." + MAX_RESULTS + " allowed");
            }
            List<Result> results = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] job = new byte[buf.get() & 0xFF];
                buf.get(job);
                JobId jobId;
                WorkUnitKey key;
                long epoch;
                try {
                    jobId = new JobId(new String(job, StandardCharsets.US_ASCII));
                    key = new WorkUnitKey(jobId, buf.getInt(), buf.getInt(), buf.getInt());
                    epoch = buf.getLong();
                    if (epoch < 1) {
                        throw new IllegalArgumentException("epoch " + epoch + " must be >= 1");
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("result batch: result " + i + ": " + e.getMessage(), e);
                }
                int length = buf.getInt();
                if (length < 0 || length > maxResultBytes || length > buf.remaining()) {
                    throw new IllegalArgumentException("result batch: result " + i + " (unit " + key + "): length "
                            + length + ", at most " + Math.min(maxResultBytes, buf.remaining()) + " allowed here");
                }
                byte[] encoded = new byte[length];
                buf.get(encoded);
                results.add(new Result(new LeaseRef(key, epoch), encoded));
            }
            if (buf.hasRemaining()) {
                throw new IllegalArgumentException("result batch: " + buf.remaining() + " bytes after the last result");
            }
            return new ResultBatch(results);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("result batch: the body ends early (" + body.length + " bytes)", e);
        }
    }
}
