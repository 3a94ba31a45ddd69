package app.hearth.workerclient;

import app.hearth.protocol.ErrorCode;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Protocol;
import app.hearth.protocol.Sampling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults of the pipe and of the worker's behaviour, played by stand-in workers. */
class StandInWorkerFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MODEL = "/models/story teller.gguf";
    private static final String TEXT = "Héllo 😀 世界 e\u0301 ñ 🇫🇷 "
            + "👩‍👩‍👧 한국어 \"quoted\" \\ tab\t.";

    @TempDir
    Path folder;

    private WorkerService service;

    @AfterEach
    void closeService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void textSurvivesBothWaysWhenItsBytesArriveOneAtATime() throws Exception {
        service = StandIns.service(folder, StandIns.LIMITS, "split");

        String echoed = generate(MODEL, TEXT).awaitText(WAIT);

        assertEquals(TEXT, echoed);
        assertFalse(echoed.contains("\uFFFD"));
    }

    @Test
    void aRequestTooLongForThePipeIsRefusedAtOnceAndTheWorkerServesOn() throws Exception {
        service = StandIns.service(folder, StandIns.LIMITS, "echo");
        String tooLong = "word ".repeat(2_000_000);

        Reply refused = generate(MODEL, tooLong).awaitEnd(WAIT);
        String next = generate(MODEL, "still here").awaitText(WAIT);

        assertEquals(ErrorCode.PROMPT_TOO_LONG, refused.error().code());
        assertTrue(refused.error().message().startsWith("The text is too long for the engine"),
                refused.error().message());
        assertEquals("still here", next);
        assertEquals(1, Files.readAllLines(folder.resolve("starts.txt")).size());
    }

    @Test
    void junkOnStdoutIsSkippedAndTheReplyArrivesWhole() throws Exception {
        service = StandIns.service(folder, StandIns.LIMITS, "junk");

        String echoed = generate(MODEL, TEXT).awaitText(WAIT);

        assertEquals(TEXT, echoed);
    }

    @Test
    void workerThatStopsAnsweringIsReplacedAndTheNextRequestServed() throws Exception {
        service = StandIns.service(folder, StandIns.LIMITS, "silent", "echo");
        long started = System.nanoTime();

        Reply hung = generate(MODEL, "first").awaitEnd(WAIT);
        String next = generate(MODEL, "second").awaitText(WAIT);

        assertEquals(ErrorCode.WORKER_HUNG, hung.error().code());
        assertTrue(hung.error().message().contains("did not answer"), hung.error().message());
        assertEquals("second", next);
        long first = Long.parseLong(Files.readAllLines(folder.resolve("starts.txt")).get(0));
        assertNotEquals(first, service.workerPid().orElseThrow());
        assertFalse(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false));
        Measured.print("worker stops answering (stand-in; status limit 2 s)",
                hung.error().message(), Measured.ms(started, hung.endedAtNs()));
    }

    @Test
    void generationWithoutProgressIsReplaced() throws Exception {
        service = StandIns.service(folder, StandIns.LIMITS, "stall", "echo");

        Reply stalled = generate(MODEL, "first").awaitEnd(WAIT);
        String next = generate(MODEL, "second").awaitText(WAIT);

        assertEquals(ErrorCode.WORKER_HUNG, stalled.error().code());
        assertTrue(stalled.error().message().contains("no progress"), stalled.error().message());
        assertEquals("second", next);
    }

    @Test
    void stopThatTheWorkerIgnoresEndsWithTheWorkerReplaced() throws Exception {
        service = StandIns.service(folder, StandIns.LIMITS, "deaf", "echo");
        Reply deaf = new Reply();
        GenerationHandle handle = service.generate(MODEL, "go", Sampling.greedy(10),
                ModelOptions.DEFAULT, List.of(), deaf);
        deaf.awaitFirstToken(WAIT);

        long stopped = System.nanoTime();
        handle.cancel();
        deaf.awaitEnd(WAIT);
        String next = generate(MODEL, "after").awaitText(WAIT);

        assertEquals(ErrorCode.WORKER_HUNG, deaf.error().code());
        assertTrue(deaf.error().message().contains("of Stop"), deaf.error().message());
        assertEquals("after", next);
        Measured.print("Stop not confirmed by the worker", deaf.error().message(),
                Measured.ms(stopped, deaf.endedAtNs()));
    }

    @Test
    void workerOfAnotherProtocolVersionIsRefusedWithAReason() throws Exception {
        service = StandIns.service(folder, StandIns.LIMITS, "old-version");
        States states = new States(service);

        Reply refused = generate(MODEL, "hi").awaitEnd(WAIT);

        assertEquals(ErrorCode.WORKER_START_FAILED, refused.error().code());
        // The stand-in announces its version as 98 above this app's.
        String theirs = "protocol " + (Protocol.VERSION + 98) + ", this app " + Protocol.VERSION;
        assertTrue(refused.error().message().contains(theirs), refused.error().message());
        assertEquals(WorkerState.FAILED, service.state());
        assertTrue(states.last().contains("another protocol version"), states.last());
    }

    @Test
    void workerThatNeverSaysHelloFailsWithinTheHandshakeLimit() throws Exception {
        WorkerLimits limits = StandIns.LIMITS.withHandshake(Duration.ofSeconds(3));
        service = StandIns.service(folder, limits, "no-hello", "echo");

        long started = System.nanoTime();
        Reply refused = generate(MODEL, "hi").awaitEnd(WAIT);
        String next = generate(MODEL, "again").awaitText(WAIT);

        assertEquals(ErrorCode.WORKER_START_FAILED, refused.error().code());
        assertTrue(refused.error().message().contains("did not answer within 3 s"),
                refused.error().message());
        assertEquals("again", next);
        Measured.print("worker never says hello", refused.error().message(),
                Measured.ms(started, refused.endedAtNs()));
    }

    @Test
    void workerThatExitsDuringTheHandshakeFailsAndTheNextRequestStartsAnother()
            throws Exception {
        service = StandIns.service(folder, StandIns.LIMITS, "exit-early", "echo");

        long started = System.nanoTime();
        Reply refused = generate(MODEL, "hi").awaitEnd(WAIT);
        String next = generate(MODEL, "again").awaitText(WAIT);

        assertEquals(ErrorCode.WORKER_START_FAILED, refused.error().code());
        assertTrue(refused.error().message().contains("exited while starting"),
                refused.error().message());
        assertEquals("again", next);
        Measured.print("worker exits during handshake", refused.error().message(),
                Measured.ms(started, refused.endedAtNs()));
    }

    @Test
    void workerThatRunsOutOfMemoryIsNamedAsSuch() throws Exception {
        service = StandIns.service(folder, StandIns.LIMITS, "oom", "echo");

        Reply lost = generate(MODEL, "hi").awaitEnd(WAIT);
        String next = generate(MODEL, "again").awaitText(WAIT);

        assertEquals(ErrorCode.WORKER_CRASHED, lost.error().code());
        assertTrue(lost.error().message().contains("(out of memory)"), lost.error().message());
        assertEquals("again", next);
        Measured.print("worker out of (Java) memory", lost.error().message(), 0);
    }

    @Test
    void modelThatCrashesTheWorkerTwiceInARowIsQuarantinedUntilRetried() throws Exception {
        service = StandIns.service(folder, StandIns.LIMITS, "crash", "crash", "echo");
        Map<String, String> told = new ConcurrentHashMap<>();
        service.addListener(new WorkerListener() {
            @Override
            public void onQuarantined(String model, String cause) {
                told.put(model, cause);
            }
        });

        Reply first = generate(MODEL, "one").awaitEnd(WAIT);
        Reply second = generate(MODEL, "two").awaitEnd(WAIT);
        Reply refused = generate(MODEL, "three").awaitEnd(WAIT);
        String other = generate("/models/other.gguf", "four").awaitText(WAIT);
        boolean lifted = service.clearQuarantine(MODEL);
        String retried = generate(MODEL, "five").awaitText(WAIT);

        assertEquals("Once", first.text());
        assertEquals(ErrorCode.WORKER_CRASHED, first.error().code());
        assertTrue(second.error().message().contains("second time in a row with "
                + "story teller.gguf"), second.error().message());
        assertEquals(ErrorCode.MODEL_QUARANTINED, refused.error().code());
        assertTrue(refused.error().message().contains("story teller.gguf is set aside"),
                refused.error().message());
        assertEquals(Map.of(MODEL, "aborted, signal 6"), told);
        assertEquals("four", other);
        assertTrue(lifted);
        assertEquals("five", retried);
        assertEquals(3, Files.readAllLines(folder.resolve("starts.txt")).size());
    }

    private Reply generate(String model, String prompt) {
        Reply reply = new Reply();
        service.generate(model, prompt, Sampling.greedy(10), ModelOptions.DEFAULT, List.of(),
                reply);
        return reply;
    }

    /** Remembers the messages of state changes. */
    private static final class States implements WorkerListener {
        private volatile String last = "";

        States(WorkerService service) {
            service.addListener(this);
        }

        @Override
        public void onStateChanged(WorkerState state, String message) {
            if (message != null) {
                last = message;
            }
        }

        String last() {
            return last;
        }
    }
}
