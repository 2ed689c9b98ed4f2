package racecourse.kernel.magic;

import racecourse.kernel.Cell;
import racecourse.kernel.Interpreter.Outcome;

import java.util.Optional;

/** {@code %lsmagic}: lists the magics. */
final class LsMagic implements Magic {
    @Override
    public String name() {
        return "lsmagic";
    }

    @Override
    public String help() {
        return "%lsmagic                 list the magics of this kernel";
    }

    @Override
    public boolean isCellMagic() {
        return false;
    }

    @Override
    public Outcome run(String args, String body, int line, MagicContext context) {
        context.cell().write(Cell.Stream.STDOUT, context.magics().listing());
        return new Outcome.Ok(Optional.empty());
    }
}
