package racecourse.kernel.jshell;

import racecourse.kernel.Interpreter.Outcome;

import java.util.List;

/** The outcome of a cell stopped by Kernel > Interrupt. */
final class Interrupts {
    static final String NAME = "Interrupted";

    private Interrupts() {
    }

    static Outcome.Failed timedOut(String limit) {
        String msg = "the cell ran longer than its %%timeout of " + limit;
        return new Outcome.Failed("TimeoutError", msg, List.of("TimeoutError: " + msg));
    }

    static Outcome.Failed interrupted() {
        return new Outcome.Failed(NAME, "the cell was stopped by Kernel > Interrupt",
                List.of(NAME + ": the cell was stopped by Kernel > Interrupt"));
    }
}
