package racecourse.grader.batch;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardTest {
    @Test
    void theHashIsFixedForever() {
        // Pinned: a change would move students between shards of runs made with different versions.
        assertEquals(8, Shard.of("alice", 8));
        assertEquals(3, Shard.of("bob", 3));
        assertEquals(Shard.of("alice", 8), Shard.of("ALICE", 8));
        assertEquals(Shard.of("\u00e9", 5), Shard.of("e\u0301", 5), "NFC and NFD spellings are one id");
    }

    @Test
    void everyStudentIsInExactlyOneShardAndShardsAreBalanced() {
        int n = 4;
        int[] counts = new int[n + 1];
        IntStream.range(0, 4000).forEach(i -> {
            String id = "student" + i;
            long in = IntStream.rangeClosed(1, n).filter(k -> new Shard(k, n).contains(id)).count();
            assertEquals(1, in, id);
            counts[Shard.of(id, n)]++;
        });
        for (int k = 1; k <= n; k++) {
            assertTrue(counts[k] > 850 && counts[k] < 1150, "shard " + k + ": " + counts[k]);
        }
    }

    @Test
    void badSpecsAreOneClearLine() {
        assertEquals(new Shard(2, 8), Shard.parse(" 2/8 "));
        for (String bad : new String[] {"0/3", "4/3", "1", "a/b", "1/0", "1/2/3"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad));
            assertTrue(e.getMessage().startsWith("--shard wants K/N"), e.getMessage());
        }
    }
}
