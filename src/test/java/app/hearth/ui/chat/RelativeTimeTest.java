package app.hearth.ui.chat;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RelativeTimeTest {

    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final long NOW = at(2026, 3, 12, 15, 30);

    @Test
    void saysJustNowWithinAMinuteAndForAClockSetBack() {
        assertEquals("just now", RelativeTime.describe(NOW - 59_000, NOW, ZONE));
        assertEquals("just now", RelativeTime.describe(NOW + 5_000, NOW, ZONE));
    }

    @Test
    void countsMinutesThenHoursWithinTheDay() {
        assertEquals("5 min ago", RelativeTime.describe(NOW - 5 * 60_000 - 30_000, NOW, ZONE));
        assertEquals("59 min ago", RelativeTime.describe(NOW - 59 * 60_000, NOW, ZONE));
        assertEquals("15 h ago", RelativeTime.describe(at(2026, 3, 12, 0, 10), NOW, ZONE));
    }

    @Test
    void namesYesterdayByTheCalendarNotBy24Hours() {
        assertEquals("yesterday", RelativeTime.describe(at(2026, 3, 11, 23, 50), NOW, ZONE));
        assertEquals("yesterday", RelativeTime.describe(at(2026, 3, 11, 0, 5), NOW, ZONE));
    }

    @Test
    void countsDaysForAWeekThenGivesTheDate() {
        assertEquals("6 days ago", RelativeTime.describe(at(2026, 3, 6, 9, 0), NOW, ZONE));
        assertEquals("5 Mar 2026", RelativeTime.describe(at(2026, 3, 5, 9, 0), NOW, ZONE));
    }

    private static long at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).toInstant(ZoneOffset.UTC)
                .toEpochMilli();
    }
}
