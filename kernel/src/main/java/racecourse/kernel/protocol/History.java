package racecourse.kernel.protocol;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The inputs (and text results) of this kernel session's cells, for history_request. */
final class History {
    /** Jupyter numbers sessions; a kernel that keeps no database has just the current one. */
    static final int SESSION = 1;

    private record Cell(int number, String input, String output) {
    }

    private final List<Cell> cells = new ArrayList<>();

    synchronized void add(int number, String input) {
        cells.add(new Cell(number, input, ""));
    }

    synchronized void setOutput(int number, String output) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (cells.get(i).number() == number) {
                cells.set(i, new Cell(number, cells.get(i).input(), output));
                return;
            }
        }
    }

    synchronized List<HistoryEntry> answer(HistoryRequest request) {
        List<Cell> hits = switch (request) {
            case HistoryRequest.Tail tail -> last(cells, tail.getMaxReturnLength());
            case HistoryRequest.Range range -> cells.stream()
                    .filter(c -> c.number() >= range.getStart()
                            && (range.getStop() <= 0 || c.number() < range.getStop()))
                    .toList();
            case HistoryRequest.Search search -> {
                Pattern p = Pattern.compile(globToRegex(search.getPattern()), Pattern.DOTALL);
                List<Cell> found = cells.stream().filter(c -> p.matcher(c.input()).matches()).toList();
                if (search.filterUnique()) {
                    Map<String, Cell> newest = new LinkedHashMap<>();
                    for (Cell c : found) {
                        newest.remove(c.input());
                        newest.put(c.input(), c);
                    }
                    found = new ArrayList<>(newest.values());
                }
                yield last(found, search.getMaxReturnLength());
            }
            default -> cells;
        };
        boolean withOutput = request.includeOutput();
        return hits.stream().map(c -> new HistoryEntry(SESSION, c.number(), c.input(), withOutput ? c.output() : null))
                .toList();
    }

    private static List<Cell> last(List<Cell> cells, int n) {
        return n > 0 && cells.size() > n ? List.copyOf(cells.subList(cells.size() - n, cells.size())) : List.copyOf(cells);
    }

    private static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : (glob == null || glob.isEmpty() ? "*" : glob).toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
