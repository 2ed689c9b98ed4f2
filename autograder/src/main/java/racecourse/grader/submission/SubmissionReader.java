package racecourse.grader.submission;

import racecourse.grader.Catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds the exercise files of a submission: a folder (any depth), one {@code .java} file, or a
 * {@code .zip} of either. A zip is read in memory and never extracted, so an entry named
 * {@code ../x} cannot write anywhere; it is ignored with a note like every other file that is not
 * an exercise. Sizes are capped, so an enormous file costs that exercise, not the grader.
 */
public final class SubmissionReader {
    /** No exercise solution is anywhere near this; a bigger file is refused for that exercise. */
    public static final int MAX_FILE_BYTES = 512 * 1024;
    /** The most a zip may expand to in all before the rest is ignored. */
    public static final long MAX_ZIP_BYTES = 16L * 1024 * 1024;
    private static final int MAX_NOTES = 20;

    private final Map<String, SourceFile> files = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private int ignored;

    private SubmissionReader() {
    }

    /** Reads {@code path}; throws IOException only when it cannot be read at all. */
    public static Submission read(Path path) throws IOException {
        SubmissionReader r = new SubmissionReader();
        if (Files.isDirectory(path)) {
            r.readFolder(path);
        } else if (!Files.exists(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString());
        } else if (path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            r.readZip(path);
        } else if (path.getFileName().toString().endsWith(".java")) {
            r.consider(path.getFileName().toString(), path.toString(), 0, Files.size(path), () -> Files.newInputStream(path));
        } else {
            throw new IllegalArgumentException("not a folder, a .java file or a .zip: " + path);
        }
        if (r.ignored > MAX_NOTES) {
            r.notes.add("... and " + (r.ignored - MAX_NOTES) + " more files ignored");
        }
        if (r.files.isEmpty()) {
            r.notes.add("no exercise file found (expected files named like SafeCounter.java)");
        }
        return new Submission(r.files, r.notes);
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private void readFolder(Path root) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.filter(Files::isRegularFile)
                    .sorted(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString))
                    .toList();
        }
        for (Path p : all) {
            String rel = root.relativize(p).toString();
            consider(p.getFileName().toString(), rel, p.getNameCount(), Files.size(p), () -> Files.newInputStream(p));
        }
    }

    private void readZip(Path zip) throws IOException {
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName().replace('\\', '/');
                if (name.startsWith("/") || name.contains("../") || name.equals("..") || name.contains(":")) {
                    note("ignored zip entry with an unsafe path: " + name);
                    continue;
                }
                if (total > MAX_ZIP_BYTES) {
                    note("ignored " + name + ": the zip expands to more than " + MAX_ZIP_BYTES / (1024 * 1024) + " MiB");
                    continue;
                }
                String file = name.substring(name.lastIndexOf('/') + 1);
                byte[] bytes = readCapped(in, MAX_FILE_BYTES + 1);
                total += bytes.length;
                consider(file, "zip:" + name, name.split("/").length, bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("not a readable zip: " + zip + " (" + e.getMessage() + ")", e);
        }
    }

    private void consider(String fileName, String origin, int depth, long size, Opener opener) throws IOException {
        if (!fileName.endsWith(".java")) {
            note("ignored " + origin + ": not a Java file");
            return;
        }
        String exercise = fileName.substring(0, fileName.length() - ".java".length());
        if (!Catalog.isExercise(exercise)) {
            note("ignored " + origin + ": not one of the exercises");
            return;
        }
        if (files.containsKey(exercise)) {
            note("ignored " + origin + ": " + exercise + " already taken from " + files.get(exercise).origin());
            return;
        }
        if (size > MAX_FILE_BYTES) {
            files.put(exercise, SourceFile.unusable(exercise, origin, "the file is " + size
                    + " bytes; the limit is " + MAX_FILE_BYTES + " bytes"));
            return;
        }
        byte[] bytes;
        try (InputStream in = opener.open()) {
            bytes = readCapped(in, MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            files.put(exercise, SourceFile.unusable(exercise, origin, "the file is larger than " + MAX_FILE_BYTES + " bytes"));
            return;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            files.put(exercise, SourceFile.ok(exercise, origin, text));
        } catch (CharacterCodingException e) {
            files.put(exercise, SourceFile.unusable(exercise, origin, "the file is not UTF-8 text"));
        }
    }

    private void note(String note) {
        ignored++;
        if (ignored <= MAX_NOTES) {
            notes.add(note);
        }
    }

    private static byte[] readCapped(InputStream in, int cap) throws IOException {
        return in.readNBytes(cap);
    }
}
