package app.hearth.workerclient;

import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ErrorCode;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import app.hearth.testsupport.Await;
import app.hearth.testsupport.RecordingListener;
import app.hearth.testsupport.SharedModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real worker process with the real small models, through the real WorkerService. */
class RealWorkerTest {

    private static WorkerService worker;

    @BeforeAll
    static void startService() {
        worker = new WorkerService(WorkerLauncher.forThisInstallation(null), Runnable::run);
    }

    @AfterAll
    static void stopService() {
        worker.close();
    }

    @Test
    void streamsTheRequestedNumberOfTokensInOrderAndReportsTheCounts() throws Exception {
        RecordingListener reply = generate(SharedModels.stories(), "Once upon a time",
                Sampling.greedy(24));

        DoneEvent done = reply.done();

        assertEquals(24, done.generatedTokens());
        assertEquals("length", done.stopReason());
        assertEquals(24, reply.tokens().size());
        assertTrue(done.promptTokens() >= 4, "prompt tokens: " + done.promptTokens());
        assertTrue(done.tokensPerSecond() > 0, "tokens per second: " + done.tokensPerSecond());
        List<String> order = reply.order();
        assertEquals("done", order.get(order.size() - 1));
        assertFalse(order.subList(0, order.size() - 1).contains("done"));
        assertTrue(reply.text().contains(" "), "a story has words: " + reply.text());
    }

    @Test
    void reportsTheTokenLimitThoughATokenOfTheReplyHadNoTextOfItsOwn() throws Exception {
        // With this seed one of the 512 tokens streams no text of its own, so counting the
        // text alone made 511 tokens and a reply that ended by itself, mid-word.
        RecordingListener reply = generate(SharedModels.stories(), "Once upon a time",
                Sampling.DEFAULT.withSeed(1).withMaxTokens(512));

        DoneEvent done = reply.done();

        assertEquals("length", done.stopReason(), reply.text());
        assertEquals(512, done.generatedTokens());
    }

    @Test
    void givesTheSameReplyTwiceForTheSameGreedyRequest() throws Exception {
        RecordingListener first = generate(SharedModels.stories(), "The cat", Sampling.greedy(20));
        first.done();
        RecordingListener second = generate(SharedModels.stories(), "The cat",
                Sampling.greedy(20));
        second.done();

        assertEquals(first.text(), second.text());
    }

    @Test
    void stopsAReplyOnCancelAndStaysUsable() throws Exception {
        long pidBefore = runningPid();
        RecordingListener longReply = new RecordingListener(3);
        GenerationHandle handle = worker.generate(path(SharedModels.stories()), "Once upon a time",
                Sampling.greedy(100_000), ModelOptions.DEFAULT, List.of(), longReply);
        longReply.awaitTokens();

        handle.cancel();
        DoneEvent cancelled = longReply.done();
        RecordingListener next = generate(SharedModels.stories(), "One day", Sampling.greedy(5));

        assertEquals("cancelled", cancelled.stopReason());
        assertTrue(cancelled.generatedTokens() < 100_000);
        assertEquals(5, next.done().generatedTokens());
        assertEquals(pidBefore, runningPid(), "the same worker serves after a cancel");
    }

    @Test
    void aStopBeforeTheFirstTokenEndsTheReplyInTheEngineToo() throws Exception {
        RecordingListener stopped = new RecordingListener();
        GenerationHandle handle = worker.generate(path(SharedModels.stories()),
                "Once upon a time", Sampling.greedy(100_000), ModelOptions.DEFAULT, List.of(),
                stopped);

        handle.cancel();
        DoneEvent cancelled = stopped.done();
        RecordingListener next = generate(SharedModels.stories(), "One day",
                Sampling.greedy(5));

        assertEquals("cancelled", cancelled.stopReason());
        // Had the engine gone on with the stopped reply, this one would wait behind its
        // 100,000 tokens and time out.
        assertEquals(5, next.done().generatedTokens());
        assertTrue(next.done().timeToFirstTokenMs() < 10_000,
                "first token after " + next.done().timeToFirstTokenMs() + " ms");
    }

    @Test
    void servesTwoDifferentModelsFromTheSameWorkerProcess() throws Exception {
        RecordingListener stories = generate(SharedModels.stories(), "Hello", Sampling.greedy(5));
        stories.done();
        long pidAfterFirst = runningPid();
        RecordingListener random = generate(SharedModels.tinyRandom(), "Hello",
                Sampling.greedy(5));
        random.done();

        assertEquals(pidAfterFirst, runningPid());
    }

    @Test
    void answersAMissingModelWithAnErrorAndKeepsServing() throws Exception {
        long pidBefore = runningPid();
        Path missing = SharedModels.folder().resolve("no-such-model.gguf");

        RecordingListener failed = generate(missing, "Hello", Sampling.greedy(5));
        RecordingListener next = generate(SharedModels.stories(), "Hello", Sampling.greedy(5));

        assertEquals(ErrorCode.MODEL_NOT_FOUND, failed.error().code());
        assertTrue(failed.error().message().contains("no-such-model.gguf"));
        assertEquals(5, next.done().generatedTokens());
        assertEquals(pidBefore, runningPid());
    }

    private static RecordingListener generate(Path model, String prompt, Sampling sampling) {
        RecordingListener listener = new RecordingListener();
        worker.generate(path(model), prompt, sampling, ModelOptions.DEFAULT, List.of(),
                listener);
        return listener;
    }

    /** Starts the worker if needed and returns its pid. */
    private static long runningPid() throws Exception {
        generate(SharedModels.stories(), "A", Sampling.greedy(1)).done();
        Await.condition(() -> worker.workerPid().isPresent(), Await.DEFAULT, "a worker pid");
        return worker.workerPid().getAsLong();
    }

    private static String path(Path model) {
        return model.toAbsolutePath().toString();
    }
}
