package racecourse.grader.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Files that are either absent, or whole: written to a temporary name in the same folder, flushed
 * to disk, then renamed over the target in one step. A process killed at any moment (even
 * {@code kill -9}) leaves the old file or the new one, never half of one; what it may leave is a
 * temporary file, named so that {@link #isTemporary} recognises it and {@link #clean} removes it.
 */
public final class AtomicFiles {
    private static final String TEMP_MARK = ".racecourse-tmp-";

    private AtomicFiles() {
    }

    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + UUID.randomUUID() + TEMP_MARK + "x");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename atomically; use another --out", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** As {@link #write}, unless the file already holds exactly these bytes (then nothing is written). */
    public static void writeIfChanged(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
            return;
        }
        write(target, bytes);
    }

    public static boolean isTemporary(Path p) {
        return p.getFileName().toString().contains(TEMP_MARK);
    }

    /** Removes the temporary files a killed run left under {@code root}; returns how many. */
    public static int clean(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        List<Path> temps;
        try (Stream<Path> walk = Files.walk(root)) {
            temps = walk.filter(Files::isRegularFile).filter(AtomicFiles::isTemporary).toList();
        }
        for (Path t : temps) {
            Files.deleteIfExists(t);
        }
        return temps.size();
    }
}
