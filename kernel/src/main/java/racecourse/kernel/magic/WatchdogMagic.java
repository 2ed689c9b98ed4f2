package racecourse.kernel.magic;

import racecourse.kernel.Cell;
import racecourse.kernel.Interpreter.Outcome;

import java.time.Duration;
import java.util.Optional;

/** {@code %watchdog on|off|stall SECONDS}: the deadlock and stall detector of running cells. */
final class WatchdogMagic implements Magic {
    @Override
    public String name() {
        return "watchdog";
    }

    @Override
    public String help() {
        return "%watchdog on|off|stall S  turn deadlock/stall detection on or off; report a stall after S seconds";
    }

    @Override
    public boolean isCellMagic() {
        return false;
    }

    @Override
    public Outcome run(String args, String body, int line, MagicContext context) throws MagicUsageException {
        String[] words = args.strip().split("\\s+");
        switch (words[0]) {
            case "on" -> context.watchdog().setEnabled(true);
            case "off" -> context.watchdog().setEnabled(false);
            case "stall" -> {
                try {
                    double seconds = Double.parseDouble(words.length > 1 ? words[1] : "");
                    if (seconds < 0.2 || seconds > 3600) {
                        throw new MagicUsageException("stall time must be between 0.2 and 3600 seconds");
                    }
                    context.watchdog().setStallLimit(Duration.ofMillis((long) (seconds * 1000)));
                } catch (NumberFormatException e) {
                    throw new MagicUsageException("stall needs a number of seconds, e.g. %watchdog stall 5");
                }
            }
            case "" -> { }
            default -> throw new MagicUsageException("expected on, off or stall SECONDS, got '" + words[0] + "'");
        }
        context.cell().write(Cell.Stream.STDOUT, "watchdog " + (context.watchdog().enabled() ? "on" : "off")
                + ", stall reported after " + context.watchdog().stallLimit().toMillis() / 1000.0 + " s\n");
        return new Outcome.Ok(Optional.empty());
    }
}
