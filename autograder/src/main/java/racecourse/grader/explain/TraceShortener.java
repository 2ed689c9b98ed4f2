package racecourse.grader.explain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Lincheck's report of a failing interleaving into what a student can read: one line per
 * step, in order, each naming its thread: the scenario's calls of the exercise's methods and, under
 * them, what the submission's own code did (field reads {@code f ➜ v}, writes {@code f = v}, the
 * calls it makes), with the submission's file and line; then the broken result. Lincheck's
 * bookkeeping (thread starts and joins, loops of the scenario, JDK internals such as the inside of
 * a Semaphore) is left out. At most {@link #MAX_LINES} lines.
 */
final class TraceShortener {
    static final int MAX_LINES = 40;
    private static final int TAIL_STEPS = 8;
    private static final int MAX_STEP_CHARS = 100;
    private static final Pattern LOCATION = Pattern.compile("^(.*) at ([\\w$.]+)\\.([\\w$<>]+)\\(([^():]+):(\\d+)\\)$");
    private static final Pattern THROWABLE = Pattern.compile("^[\\w$.]+(Exception|Error)(: .*)?$");
    private static final String BROKEN = "racecourse.grader.explain.scenarios.BrokenInvariant: ";
    /** Lincheck's names of synchronization events, as a student knows them. */
    private static final Map<String, String> EVENT_NAMES = Map.of(
            "MONITORENTER", "takes the lock (synchronized)",
            "MONITOREXIT", "releases the lock (synchronized)",
            "WAIT", "wait()",
            "NOTIFY", "notify() / notifyAll()",
            "PARK", "parks (blocked)",
            "UNPARK", "unparks a thread");

    private TraceShortener() {
    }

    /** One kept step: its thread, nesting level, what happened and (for the submission's code) where. */
    record Step(String thread, int level, String event, String where) {
    }

    /**
     * The readable form of {@code report}, under {@code intro}: the steps of {@code exercise}'s code and
     * the scenario's calls on {@code receiver} (the scenario's name for the exercise's object).
     */
    static String shorten(String intro, String exercise, String receiver, String report) {
        List<String> lines = report.lines().toList();
        String result = result(lines);
        List<Step> steps = steps(lines, exercise, receiver);
        List<String> out = new ArrayList<>();
        out.add(intro);
        if (steps.isEmpty()) {
            out.add("Its report:");
            int room = MAX_LINES - out.size() - 1;
            lines.stream().filter(l -> !l.isBlank()).limit(room).forEach(l -> out.add("  " + l.strip()));
        } else {
            out.add("It found this interleaving (f ➜ v: read v from f; f = v: wrote v to f):");
            out.addAll(format(steps, MAX_LINES - out.size() - 1));
        }
        if (result != null) {
            out.add("Result: " + result);
        }
        return String.join("\n", out);
    }

    /** What broke: the scenario's message, or the exception or hang Lincheck reports. */
    static String result(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("= ") && l.endsWith(" =")) {
                String header = l.substring(2, l.length() - 2);
                for (int j = i + 1; j < lines.size(); j++) {
                    String next = lines.get(j).strip();
                    if (next.isEmpty()) {
                        continue;
                    }
                    if (next.startsWith(BROKEN)) {
                        return next.substring(BROKEN.length());
                    }
                    return THROWABLE.matcher(next).matches() ? next : header;
                }
                return header;
            }
        }
        return null;
    }

    /** The kept steps of Lincheck's detailed trace (or of its short table when there is no detailed one). */
    static List<Step> steps(List<String> lines, String exercise, String receiver) {
        int start = lines.indexOf("Detailed trace:");
        if (start < 0) {
            start = lines.indexOf("The following interleaving leads to the error:");
        }
        if (start < 0 || start + 3 >= lines.size()) {
            return List.of();
        }
        String header = lines.get(start + 2);
        List<Integer> bars = new ArrayList<>();
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) == '|') {
                bars.add(i);
            }
        }
        if (bars.size() < 2) {
            return List.of();
        }
        List<String> threads = new ArrayList<>();
        for (int c = 0; c + 1 < bars.size(); c++) {
            String name = cell(header, bars, c).strip();
            threads.add(name.equals("Main Thread") ? "main" : name);
        }
        List<Step> steps = new ArrayList<>();
        List<Deque<int[]>> open = new ArrayList<>();
        threads.forEach(t -> open.add(new ArrayDeque<>()));
        for (int i = start + 4; i < lines.size(); i++) {
            String row = lines.get(i);
            if (!row.startsWith("|") || row.startsWith("| -")) {
                break;
            }
            for (int c = 0; c < threads.size(); c++) {
                String raw = cell(row, bars, c);
                if (raw.isBlank()) {
                    continue;
                }
                String text = raw.substring(1).stripTrailing();
                int depth = (text.length() - text.stripLeading().length()) / 2;
                Step step = keep(threads.get(c), text.strip(), exercise, receiver);
                // The level of a kept step is the number of kept steps it is nested in.
                Deque<int[]> stack = open.get(c);
                while (!stack.isEmpty() && stack.peek()[0] >= depth) {
                    stack.pop();
                }
                int level = (int) stack.stream().filter(e -> e[1] == 1).count();
                stack.push(new int[] {depth, step == null ? 0 : 1});
                if (step != null) {
                    steps.add(new Step(step.thread(), level, step.event(), step.where()));
                }
            }
        }
        return steps;
    }

    /** The step a trace entry makes, or null if it is bookkeeping. */
    private static Step keep(String thread, String entry, String exercise, String receiver) {
        Matcher m = LOCATION.matcher(entry);
        String event = m.matches() ? m.group(1) : entry;
        String file = m.matches() ? m.group(4) : null;
        String method = m.matches() ? m.group(3) : null;
        if (event.equals("switch") || event.startsWith("switch (") || event.startsWith("loop(") || event.startsWith("<iteration")) {
            return null;
        }
        if ((exercise + ".java").equals(file)) {
            // The submission's own code; what its constructor does before any thread starts is setup.
            return method.equals("<init>") ? null
                    : new Step(thread, 0, EVENT_NAMES.getOrDefault(event, event), file + ":" + m.group(5));
        }
        if ((exercise + "Scenario.java").equals(file)
                && (event.startsWith(receiver + ".") || event.startsWith(exercise + ".<init>"))) {
            // The scenario creating the exercise's object or calling one of its methods.
            return new Step(thread, 0, event, null);
        }
        return null;
    }

    /** The steps as aligned lines, at most {@code room}: the first ones and the last {@link #TAIL_STEPS}. */
    static List<String> format(List<Step> steps, int room) {
        int threadWidth = steps.stream().mapToInt(s -> s.thread().length()).max().orElse(0);
        List<String> texts = new ArrayList<>();
        for (Step s : steps) {
            String event = s.event().length() > MAX_STEP_CHARS ? s.event().substring(0, MAX_STEP_CHARS - 3) + "..." : s.event();
            texts.add("  " + pad(s.thread(), threadWidth) + "  " + "  ".repeat(s.level()) + event);
        }
        int width = texts.stream().mapToInt(String::length).max().orElse(0);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String where = steps.get(i).where();
            out.add(where == null ? texts.get(i) : pad(texts.get(i), width) + "  " + where);
        }
        if (out.size() <= room) {
            return out;
        }
        int head = room - 1 - TAIL_STEPS;
        List<String> cut = new ArrayList<>(out.subList(0, head));
        cut.add("  ... " + (out.size() - head - TAIL_STEPS) + " more steps ...");
        cut.addAll(out.subList(out.size() - TAIL_STEPS, out.size()));
        return cut;
    }

    private static String cell(String row, List<Integer> bars, int column) {
        int from = bars.get(column) + 1;
        int to = bars.get(column + 1);
        if (from >= row.length()) {
            return "";
        }
        return row.substring(from, Math.min(to, row.length()));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
