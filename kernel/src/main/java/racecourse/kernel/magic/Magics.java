package racecourse.kernel.magic;

import racecourse.kernel.Interpreter.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The magics a kernel knows, by name; line and cell magics apart (%time and %%time differ). */
public final class Magics {
    private final Map<String, Magic> line = new TreeMap<>();
    private final Map<String, Magic> cell = new TreeMap<>();

    public static Magics standard() {
        Magics m = new Magics();
        m.add(new ClasspathMagic());
        m.add(new MavenMagic());
        m.add(new LoadMagic());
        m.add(TimeMagic.line());
        m.add(TimeMagic.cell());
        m.add(new JavacMagic());
        m.add(new LsMagic());
        m.add(new SubmitMagic());
        m.add(new ThreadsMagic());
        m.add(new StopMagic());
        m.add(new WatchdogMagic());
        m.add(new RepeatMagic());
        m.add(new ThreadNamesMagic());
        m.add(new GradeMagic());
        return m;
    }

    public Magics add(Magic magic) {
        (magic.isCellMagic() ? cell : line).put(magic.name(), magic);
        return this;
    }

    public Outcome run(String name, boolean cellMagic, String args, String body, int lineNo, MagicContext context) {
        Magic magic = (cellMagic ? cell : line).get(name);
        String shown = (cellMagic ? "%%" : "%") + name;
        if (magic == null) {
            String msg = shown + " is not a magic of this kernel; %lsmagic lists them";
            return new Outcome.Failed("UnknownMagic", msg, List.of(msg));
        }
        try {
            return magic.run(args, body, lineNo, context);
        } catch (MagicUsageException e) {
            String msg = shown + ": " + e.getMessage();
            return new Outcome.Failed("MagicError", msg, List.of(msg, "usage: " + magic.help()));
        } catch (Exception e) {
            String msg = shown + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
            return new Outcome.Failed("MagicError", msg, List.of(msg));
        }
    }

    /** Completions for a magic line prefix such as "%cla" or "%%ja". */
    public List<String> namesStartingWith(String prefix) {
        List<String> names = new ArrayList<>();
        boolean cellPrefix = prefix.startsWith("%%");
        String bare = prefix.replaceFirst("^%%?", "");
        if (cellPrefix || prefix.equals("%")) {
            cell.keySet().stream().filter(n -> n.startsWith(bare)).forEach(n -> names.add("%%" + n));
        }
        if (!cellPrefix) {
            line.keySet().stream().filter(n -> n.startsWith(bare)).forEach(n -> names.add("%" + n));
        }
        return names;
    }

    /** The help line of the magic named on a line such as "%classpath lib". */
    public Optional<String> help(String magicLine) {
        boolean cellMagic = magicLine.startsWith("%%");
        String name = magicLine.replaceFirst("^%%?", "").split("\\s+", 2)[0];
        return Optional.ofNullable((cellMagic ? cell : line).get(name)).map(Magic::help);
    }

    /** The %lsmagic listing. */
    String listing() {
        StringBuilder b = new StringBuilder("Line magics:\n");
        line.values().forEach(m -> b.append("  ").append(m.help()).append('\n'));
        b.append("Cell magics (first line of a cell):\n");
        cell.values().forEach(m -> b.append("  ").append(m.help()).append('\n'));
        return b.toString();
    }
}
