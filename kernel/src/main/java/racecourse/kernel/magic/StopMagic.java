package racecourse.kernel.magic;

import racecourse.kernel.Cell;
import racecourse.kernel.Interpreter.Outcome;
import racecourse.kernel.threads.CellThreads;
import racecourse.kernel.threads.ThreadSnapshot;

import java.util.List;
import java.util.Optional;

/** {@code %stop NAME|all}: interrupts threads earlier cells left running and stops their loops. */
final class StopMagic implements Magic {
    @Override
    public String name() {
        return "stop";
    }

    @Override
    public String help() {
        return "%stop NAME|#ID|all       interrupt and stop a thread left running (all: every one, and child processes)";
    }

    @Override
    public boolean isCellMagic() {
        return false;
    }

    @Override
    public Outcome run(String args, String body, int line, MagicContext context) throws MagicUsageException {
        String which = args.strip();
        if (which.isEmpty()) {
            throw new MagicUsageException("which thread? give its name (see %threads) or all");
        }
        Thread self = Thread.currentThread();
        boolean all = which.equals("all");
        int n = context.threads().stop(t -> t != self && t.getThreadGroup() != self.getThreadGroup()
                && !t.getName().startsWith("racecourse runner") && (all || ThreadSnapshot.nameOf(t).equals(which)
                        || which.equals("#" + t.threadId())));
        StringBuilder out = new StringBuilder();
        if (n == 0 && !all) {
            throw new MagicUsageException("no live thread named '" + which + "' (see %threads)");
        }
        out.append("stopped ").append(n).append(n == 1 ? " thread" : " threads");
        if (all) {
            List<String> killed = CellThreads.killChildProcesses();
            if (!killed.isEmpty()) {
                out.append(" and ended ").append(String.join(", ", killed));
            }
        }
        context.cell().write(Cell.Stream.STDOUT, out.append('\n').toString());
        return new Outcome.Ok(Optional.empty());
    }
}
