package racecourse.kernel.magic;

import racecourse.kernel.Interpreter.Outcome;

/** A {@code %name} (line) or {@code %%name} (cell) command of the kernel. */
public interface Magic {
    String name();

    /** One line for {@code %lsmagic}. */
    String help();

    boolean isCellMagic();

    /**
     * @param args what follows the name on its line
     * @param body the rest of the cell for a cell magic, null for a line magic
     * @param line the cell line of the body's first line (cell magic) or of the magic (line magic)
     */
    Outcome run(String args, String body, int line, MagicContext context) throws Exception;
}
