package app.hearth.workerclient;

import app.hearth.protocol.CachedModel;
import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ModelsEvent;
import app.hearth.protocol.StatusEvent;
import app.hearth.protocol.TokenEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchdogTest {

    private static final WorkerLimits LIMITS = new WorkerLimits(Duration.ofSeconds(30),
            Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofSeconds(5), Duration.ofSeconds(5));

    private final AtomicLong now = new AtomicLong(1_000_000);
    private Watchdog watchdog;

    @BeforeEach
    void start() {
        watchdog = new Watchdog(LIMITS, now::get);
        watchdog.started();
    }

    @Test
    void unansweredStatusRequestMeansHung() {
        advance(2_000);
        assertTrue(watchdog.statusDue());
        watchdog.statusSent("p1");

        advance(10_001);

        assertTrue(watchdog.hungReason().startsWith("did not answer for 10.0 s"));
    }

    @Test
    void answeredStatusRequestKeepsTheWorkerAlive() {
        advance(2_000);
        watchdog.statusSent("p1");

        advance(500);
        watchdog.observe(new StatusEvent("p1", 1, 1, false));
        advance(20_000);

        assertNull(watchdog.hungReason());
    }

    @Test
    void requestWithoutEventsWhileNoModelLoadsMeansHung() {
        watchdog.sent("g1");

        advance(60_001);

        assertTrue(watchdog.hungReason().startsWith("made no progress"));
    }

    @Test
    void aRequestWaitingBehindAStreamingReplyIsNotAHang() {
        watchdog.sent("count-waiting-for-room");
        watchdog.sent("g1");

        for (int second = 0; second < 120; second++) {
            advance(1_000);
            watchdog.observe(new app.hearth.protocol.TokenEvent("g1", "la"));
        }
        String whileTheReplyStreams = watchdog.hungReason();
        watchdog.observe(new app.hearth.protocol.DoneEvent("g1", "eos", 1, 120, 5, 1, 10));
        advance(59_000);
        String soonAfterItEnds = watchdog.hungReason();
        advance(1_001);

        assertNull(whileTheReplyStreams);
        assertNull(soonAfterItEnds);
        assertTrue(watchdog.hungReason().startsWith("made no progress"));
    }

    @Test
    void loadingModelDoesNotCountAsLackOfProgress() {
        watchdog.sent("g1");
        watchdog.observe(models("loading"));

        advance(120_000);
        String whileLoading = watchdog.hungReason();
        watchdog.observe(models("generating"));
        advance(30_000);

        assertNull(whileLoading);
        assertNull(watchdog.hungReason());
    }

    @Test
    void tokensCountAsProgress() {
        watchdog.sent("g1");

        for (int i = 0; i < 10; i++) {
            advance(30_000);
            watchdog.observe(new TokenEvent("g1", "a"));
        }

        assertNull(watchdog.hungReason());
    }

    @Test
    void stopNotConfirmedWithinTheLimitMeansHung() {
        watchdog.sent("g1");
        watchdog.cancelled("g1");

        advance(5_001);

        assertTrue(watchdog.hungReason().contains("of Stop"));
    }

    @Test
    void confirmedStopEndsTheCancelDeadline() {
        watchdog.sent("g1");
        watchdog.cancelled("g1");

        advance(1_000);
        watchdog.observe(new DoneEvent("g1", "cancelled", 1, 1, 0, 1, 1));
        advance(100_000);

        assertNull(watchdog.hungReason());
        assertFalse(watchdog.statusDue() && watchdog.hungReason() != null);
    }

    private void advance(long ms) {
        now.addAndGet(ms);
    }

    private static ModelsEvent models(String state) {
        return new ModelsEvent(List.of(new CachedModel("/m.gguf", state, false, 0, 0, 0, 512, 2)));
    }
}
