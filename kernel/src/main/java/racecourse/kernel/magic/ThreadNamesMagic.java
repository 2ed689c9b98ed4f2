package racecourse.kernel.magic;

import racecourse.kernel.Cell;
import racecourse.kernel.Interpreter.Outcome;
import racecourse.kernel.output.CellRouting;

import java.util.Optional;

/** {@code %threadnames on|off}: prefix every printed line with the printing thread's name. */
final class ThreadNamesMagic implements Magic {
    @Override
    public String name() {
        return "threadnames";
    }

    @Override
    public String help() {
        return "%threadnames on|off      prefix each printed line with the name of the thread that printed it";
    }

    @Override
    public boolean isCellMagic() {
        return false;
    }

    @Override
    public Outcome run(String args, String body, int line, MagicContext context) throws MagicUsageException {
        switch (args.strip()) {
            case "on" -> CellRouting.setThreadNames(true);
            case "off" -> CellRouting.setThreadNames(false);
            default -> throw new MagicUsageException("expected on or off");
        }
        context.cell().write(Cell.Stream.STDOUT, "thread names " + args.strip() + "\n");
        return new Outcome.Ok(Optional.empty());
    }
}
