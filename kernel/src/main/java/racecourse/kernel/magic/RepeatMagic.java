package racecourse.kernel.magic;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import racecourse.kernel.Cell;
import racecourse.kernel.Interpreter.Outcome;
import racecourse.kernel.display.Display;
import racecourse.kernel.output.CellRouting;
import racecourse.viz.Outcomes;

import java.util.Optional;

/**
 * {@code %%repeat N}: runs the cell body N times and counts the distinct outcomes (what a run
 * printed, and its value), like jcstress's outcome table. Declarations in the body are made anew
 * each run, so each run starts fresh; a race shows up as more than one outcome.
 */
final class RepeatMagic implements Magic {
    static final int MAX_RUNS = 100_000;

    @Override
    public String name() {
        return "repeat";
    }

    @Override
    public String help() {
        return "%%repeat N               run the cell N times; show a table and chart of the distinct outcomes";
    }

    @Override
    public boolean isCellMagic() {
        return true;
    }

    @Override
    public Outcome run(String args, String body, int line, MagicContext context) throws MagicUsageException {
        int n;
        try {
            n = Integer.parseInt(args.strip());
        } catch (NumberFormatException e) {
            throw new MagicUsageException("how many runs? e.g. %%repeat 100");
        }
        if (n < 1 || n > MAX_RUNS) {
            throw new MagicUsageException("runs must be between 1 and " + MAX_RUNS);
        }
        if (body == null || body.isBlank()) {
            throw new MagicUsageException("the cell has no code below the %%repeat line");
        }
        Cell cell = context.cell();
        Outcomes outcomes = new Outcomes();
        long start = System.nanoTime();
        int done = 0;
        // Fast path: a body of statements compiles once, as a lambda, and runs N times; each run's
        // locals are new, so each run starts fresh. Otherwise (declarations of methods or classes,
        // a trailing expression) the body is evaluated anew each run.
        Optional<Object> compiled = context.declare("java.util.concurrent.Callable<Object> $repeatBody = () -> {\n"
                + body + "\n;return null;};");
        for (int i = 0; i < n; i++) {
            CapturingCell run = new CapturingCell(cell);
            CellRouting.bind(run);
            Outcome o;
            try {
                o = compiled.isPresent() && compiled.get() instanceof java.util.concurrent.Callable<?> c
                        ? call(c) : context.evalForValue(body, line, run);
            } finally {
                CellRouting.bind(cell);
            }
            if (racecourse.kernel.threads.Stops.isStopped(cell)) {
                break;
            }
            outcomes.add(run.outcome(o));
            done++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        cell.write(Cell.Stream.STDOUT, String.format(java.util.Locale.ROOT, "%d runs in %.1f s, %d distinct outcome%s:%n%s%n",
                done, seconds, outcomes.distinct(), outcomes.distinct() == 1 ? "" : "s", outcomes));
        DisplayData chart = new DisplayData(Display.render(outcomes.chart("Outcomes of " + done + " runs")));
        chart.putText("[outcome chart]");
        cell.display(chart, false);
        return new Outcome.Ok(Optional.empty());
    }

    private static Outcome call(java.util.concurrent.Callable<?> body) {
        try {
            body.call();
            return new Outcome.Ok(Optional.empty());
        } catch (racecourse.kernel.threads.CellStopped stopped) {
            throw stopped;
        } catch (Exception | Error e) {
            return new Outcome.Failed(e.getClass().getName(), String.valueOf(e.getMessage()), java.util.List.of());
        }
    }

    /** One run's view of the cell: its printed output is kept as the run's outcome. */
    private static final class CapturingCell extends racecourse.kernel.CellAdapter {
        private final Cell cell;
        private final StringBuilder out = new StringBuilder();

        CapturingCell(Cell cell) {
            this.cell = cell;
        }

        String outcome(Outcome o) {
            String printed = out.toString().strip();
            String value = switch (o) {
                case Outcome.Ok ok -> ok.value().map(v -> String.valueOf(v.getData(
                        org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN))).orElse("");
                case Outcome.Failed f -> f.name() + ": " + f.value();
            };
            String both = (printed + (printed.isEmpty() || value.isEmpty() ? "" : " ") + value).strip();
            return both.isEmpty() ? "(nothing)" : both;
        }

        @Override
        public int executionCount() {
            return cell.executionCount();
        }

        @Override
        public synchronized void write(Stream stream, String text) {
            if (stream == Stream.STDOUT && out.length() < 4096) {
                out.append(text);
            }
        }

        @Override
        public String readLine(String prompt, boolean password) {
            return cell.readLine(prompt, password);
        }

        @Override
        public Cell origin() {
            return cell;
        }
    }
}
