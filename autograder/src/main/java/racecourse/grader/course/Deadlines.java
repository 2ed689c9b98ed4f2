package racecourse.grader.course;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Date-times as the course file and the extensions file write them: with an offset
 * ({@code 2026-10-05T23:59:00+02:00}, that instant) or without ({@code 2026-10-05T23:59:00}, the
 * wall-clock time in the course's time zone, so a deadline after a DST change stays 23:59 local).
 */
final class Deadlines {
    private Deadlines() {
    }

    static ZonedDateTime parse(String text, ZoneId zone) {
        String t = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).atZoneSameInstant(zone == null ? java.time.ZoneOffset.UTC : zone);
        } catch (DateTimeParseException ignored) {
            // no offset: local wall-clock time
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date-time such as 2026-10-05T23:59:00: \"" + text + "\"");
        }
        if (zone == null) {
            throw new IllegalArgumentException("\"" + text + "\" has no offset and the course has no time_zone; "
                    + "add time_zone = \"Europe/Berlin\" (or your zone) at the top");
        }
        return local.atZone(zone);
    }
}
