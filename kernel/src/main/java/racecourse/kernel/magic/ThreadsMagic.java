package racecourse.kernel.magic;

import racecourse.kernel.Cell;
import racecourse.kernel.Interpreter.Outcome;
import racecourse.kernel.threads.ThreadSnapshot;

import java.util.List;
import java.util.Optional;

/**
 * {@code %threads}: the threads cells started that are still alive, platform and virtual, and where
 * they are. An unnamed thread (virtual threads usually are) shows as #id, which %stop takes too.
 */
final class ThreadsMagic implements Magic {
    @Override
    public String name() {
        return "threads";
    }

    @Override
    public String help() {
        return "%threads                 list live threads started by cells: name, state, cell, where";
    }

    @Override
    public boolean isCellMagic() {
        return false;
    }

    @Override
    public Outcome run(String args, String body, int line, MagicContext context) {
        List<Thread> live = context.threads().live().stream()
                .filter(t -> t != Thread.currentThread() && !t.getName().startsWith("racecourse runner")).toList();
        StringBuilder out = new StringBuilder();
        if (live.isEmpty()) {
            out.append("No thread started by a cell is alive.\n");
        } else {
            out.append(String.format("%-24s %-14s %-10s %s%n", "thread", "state", "cell", "where"));
            for (Thread t : live) {
                Cell cell = context.threads().cellOf(t);
                out.append(String.format("%-24s %-14s %-10s %s%n", ThreadSnapshot.nameOf(t), t.getState(),
                        cell == null ? "?" : "[" + cell.executionCount() + "]", context.whereIs(t)));
            }
        }
        context.cell().write(Cell.Stream.STDOUT, out.toString());
        return new Outcome.Ok(Optional.empty());
    }
}
