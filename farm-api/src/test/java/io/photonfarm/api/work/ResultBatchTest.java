package io.photonfarm.api.work;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.photonfarm.api.job.JobId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultBatchTest {
    private static ResultBatch.Result result(String job, int frame, int tile, int range, long epoch, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) (tile + 1));
        return new ResultBatch.Result(new LeaseRef(new WorkUnitKey(JobId.of(job), frame, tile, range), epoch), bytes);
    }

    @Test
    void aBatchReadsBackWithEveryKeyEpochAndByteInOrder() {
        ResultBatch batch = new ResultBatch(List.of(result("job-1", 3, 0, 1, 7, 10), result("other.job", 0, 5, 0, 1, 0),
                result("job-1", 1_000_000, 65_000, 9, Long.MAX_VALUE, 300)));

        byte[] body = batch.encode();
        ResultBatch back = ResultBatch.decode(body, 1_000);

        assertEquals(batch.encodedSize(), body.length);
        assertEquals(3, back.results().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(batch.results().get(i).lease(), back.results().get(i).lease());
            assertArrayEquals(batch.results().get(i).encoded(), back.results().get(i).encoded());
        }
        assertEquals("PFRB", new String(body, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void aDamagedOrOversizedBatchIsRefusedNamingTheProblem() {
        byte[] body = new ResultBatch(List.of(result("job-1", 0, 0, 0, 1, 50), result("job-1", 0, 1, 0, 2, 50))).encode();

        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResultBatch.decode(new byte[] {1, 2, 3}, 100))
                .getMessage().contains("PFRB"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ResultBatch.decode(Arrays.copyOf(body, body.length - 1), 100)).getMessage().contains("result 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResultBatch.decode(body, 49)).getMessage()
                .contains("length 50"));
        byte[] trailing = Arrays.copyOf(body, body.length + 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResultBatch.decode(trailing, 100)).getMessage()
                .contains("2 bytes after the last result"));
        byte[] badJob = body.clone();
        badJob[9] = '/';
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResultBatch.decode(badJob, 100)).getMessage()
                .contains("result 0"));
    }

    @Test
    void aBatchHoldsOneTo256Results() {
        assertThrows(IllegalArgumentException.class, () -> new ResultBatch(List.of()));
        List<ResultBatch.Result> many = new ArrayList<>();
        for (int i = 0; i <= ResultBatch.MAX_RESULTS; i++) {
            many.add(result("j", 0, i, 0, 1, 1));
        }
        assertThrows(IllegalArgumentException.class, () -> new ResultBatch(many));
        assertEquals(ResultBatch.MAX_RESULTS, new ResultBatch(many.subList(0, ResultBatch.MAX_RESULTS)).results().size());
    }
}
