package racecourse.grader.batch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * One of N parts of a class, {@code K/N} with 1 ≤ K ≤ N. A student belongs to the part given by a
 * hash (SHA-256) of the id, Unicode-normalised and lower-cased: the same on every machine, JVM and
 * run, independent of the order or number of the other students.
 */
public record Shard(int k, int n) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("--shard wants K/N with 1 <= K <= N, not " + k + "/" + n);
        }
    }

    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--shard wants K/N (for example 2/8), not '" + text + "'");
    }

    /** The part (1..n) that {@code studentId} belongs to. */
    public static int of(String studentId, int n) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(normal(studentId).getBytes(StandardCharsets.UTF_8));
            return 1 + (int) Long.remainderUnsigned(ByteBuffer.wrap(h).getLong(), n);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean contains(String studentId) {
        return of(studentId, n) == k;
    }

    /** How ids are compared: NFC, lower case (alice/ and Alice.zip are one student). */
    static String normal(String id) {
        return Normalizer.normalize(id, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return k + "/" + n;
    }
}
