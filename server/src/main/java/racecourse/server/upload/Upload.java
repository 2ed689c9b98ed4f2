package racecourse.server.upload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The checked files of one upload: Java sources by file name (folders dropped), each valid UTF-8.
 * Read from a zip or from files sent one by one; every limit of {@link UploadLimits} is enforced
 * while reading, so a zip bomb is stopped at the limit, not after it expanded. What is stored is
 * {@link #canonicalZip()}: the same files give the same bytes, hence the same content address.
 */
public record Upload(Map<String, String> files) {
    private static final Pattern JAVA_FILE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*\\.java");

    /** One file as sent: its name (a path inside a zip, or a form's file name) and its bytes. */
    public record Part(String name, byte[] bytes) {
    }

    public static Upload fromZip(byte[] zip, UploadLimits limits) throws UploadRejected {
        if (zip.length > limits.maxBytes()) {
            throw tooLarge(zip.length, limits);
        }
        Map<String, String> files = new TreeMap<>();
        int entries = 0;
        long expanded = 0;
        long maxExpanded = Math.min(limits.maxExpandedBytes(), (long) Math.max(zip.length, 1024) * limits.maxExpansionRatio());
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > limits.maxZipEntries()) {
                    throw new UploadRejected(400, "too_many_entries", "the zip has more than " + limits.maxZipEntries()
                            + " entries; zip only your exercise files");
                }
                String name = e.getName();
                checkPath(name);
                if (e.isDirectory() || ignorable(name)) {
                    continue;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    expanded += n;
                    if (expanded > maxExpanded) {
                        throw new UploadRejected(400, "zip_expands_too_much", "the zip expands to more than " + maxExpanded
                                + " bytes (" + limits.maxExpansionRatio() + " times its size at most, and at most "
                                + limits.maxExpandedBytes() + " bytes); zip only your exercise files");
                    }
                    out.write(buf, 0, n);
                }
                add(files, new Part(name, out.toByteArray()), limits);
            }
        } catch (ZipException e) {
            throw new UploadRejected(400, "bad_zip", "not a readable zip file: " + e.getMessage());
        } catch (IOException e) {
            throw new UploadRejected(400, "bad_zip", "not a readable zip file: " + e.getMessage());
        }
        if (entries == 0) {
            throw new UploadRejected(400, "bad_zip", "not a zip file, or an empty one");
        }
        return done(files);
    }

    public static Upload fromParts(List<Part> parts, UploadLimits limits) throws UploadRejected {
        long total = parts.stream().mapToLong(p -> p.bytes().length).sum();
        if (total > limits.maxBytes()) {
            throw tooLarge(total, limits);
        }
        Map<String, String> files = new TreeMap<>();
        for (Part p : parts) {
            checkPath(p.name());
            add(files, p, limits);
        }
        return done(files);
    }

    private static UploadRejected tooLarge(long size, UploadLimits limits) {
        return new UploadRejected(413, "too_large", "the upload is " + size + " bytes; at most " + limits.maxBytes() + " are accepted");
    }

    private static Upload done(Map<String, String> files) throws UploadRejected {
        if (files.isEmpty()) {
            throw new UploadRejected(400, "no_files", "the upload holds no .java file");
        }
        return new Upload(Map.copyOf(files));
    }

    /** Refuses names that climb out of the folder, are absolute, or use a backslash. */
    static void checkPath(String name) throws UploadRejected {
        if (name == null || name.isEmpty() || name.length() > 300) {
            throw new UploadRejected(400, "bad_name", "a file without a usable name");
        }
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        if (name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0) {
            throw new UploadRejected(400, "bad_name", "the file name " + shown + " is absolute or uses a backslash");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw new UploadRejected(400, "bad_name", "the file name " + shown + " climbs out of its folder (..)");
            }
        }
    }

    /** macOS's resource forks and Finder files, which an archive tool adds unasked. */
    private static boolean ignorable(String name) {
        return name.startsWith("__MACOSX/") || name.endsWith("/.DS_Store") || name.equals(".DS_Store");
    }

    private static void add(Map<String, String> files, Part p, UploadLimits limits) throws UploadRejected {
        String base = p.name().substring(p.name().lastIndexOf('/') + 1);
        if (!JAVA_FILE.matcher(base).matches()) {
            throw new UploadRejected(400, "not_java", "only .java files named after their class are accepted, not "
                    + p.name().replaceAll("\\p{Cntrl}", "?"));
        }
        if (files.containsKey(base)) {
            throw new UploadRejected(400, "duplicate_file", base + " is in the upload twice; send one of them");
        }
        if (files.size() >= limits.maxFiles()) {
            throw new UploadRejected(400, "too_many_files", "more than " + limits.maxFiles() + " .java files; send only your exercises");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(p.bytes())).toString();
            files.put(base, text);
        } catch (CharacterCodingException e) {
            throw new UploadRejected(400, "not_utf8", base + " is not UTF-8 text; save it as UTF-8 and submit again");
        }
    }

    /** The files as a zip with sorted entries and fixed times: equal files, equal bytes. */
    public byte[] canonicalZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTime(0);
                out.putNextEntry(e);
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing a zip in memory", e);
        }
        return bytes.toByteArray();
    }

    /** Reads up to {@code max + 1} bytes, so a caller can tell "too large" without reading it all. */
    public static byte[] readBounded(InputStream in, long max) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    }
}
