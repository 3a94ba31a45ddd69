package app.hearth.ui.chat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How long ago something happened, as chat apps say it in their lists: "just now",
 * "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date. Pure; any thread.
 */
final class RelativeTime {

    private static final long MINUTE_MS = 60_000;
    private static final long HOUR_MS = 60 * MINUTE_MS;
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private RelativeTime() {
    }

    /**
     * @param thenMs when it happened, epoch milliseconds
     * @param nowMs  now, epoch milliseconds; a time after it counts as now (a clock set back)
     * @param zone   where days begin, for "yesterday"
     */
    static String describe(long thenMs, long nowMs, ZoneId zone) {
        long ago = Math.max(0, nowMs - thenMs);
        if (ago < MINUTE_MS) {
            return "just now";
        }
        if (ago < HOUR_MS) {
            return ago / MINUTE_MS + " min ago";
        }
        LocalDate then = LocalDate.ofInstant(Instant.ofEpochMilli(thenMs), zone);
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(nowMs), zone);
        long days = today.toEpochDay() - then.toEpochDay();
        if (days <= 0) {
            return ago / HOUR_MS + " h ago";
        }
        if (days == 1) {
            return "yesterday";
        }
        return days < 7 ? days + " days ago" : DATE.format(then);
    }
}
