package racecourse.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

/**
 * Uploaded files, content-addressed: {@code DIR/ab/abcdef….zip} named by the SHA-256 of its bytes.
 * Written to a temporary file, forced to disk, renamed into place and the folder forced too, so
 * a file under its name is always whole, and is on disk before the database row that names it.
 */
public final class BlobStore {
    private final Path root;

    public BlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    /** Stores {@code bytes} durably; returns their SHA-256 (hex). */
    public String put(byte[] bytes) throws IOException {
        String sha = HexFormat.of().formatHex(Tokens.sha256(bytes));
        Path target = path(sha);
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
            return sha;
        }
        Path dir = Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        forceFolder(dir);
        forceFolder(root);
        return sha;
    }

    public Path path(String sha) {
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a content address: " + sha);
        }
        return root.resolve(sha.substring(0, 2)).resolve(sha + ".zip");
    }

    private static void forceFolder(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems refuse to open a folder; the rename is then as durable as they make it.
        }
    }
}
