package app.hearth.workerclient;

import app.hearth.protocol.ErrorCode;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import app.hearth.testsupport.BadGgufFiles.Kind;
import app.hearth.testsupport.BadGgufFiles;
import app.hearth.testsupport.SharedModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken and changing model files meet the real worker, which keeps serving. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadModelFilesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    private WorkerService service;
    private String good;
    private final java.util.concurrent.atomic.AtomicBoolean crashed =
            new java.util.concurrent.atomic.AtomicBoolean();

    @BeforeAll
    void startWorkerWithACachedModel() throws Exception {
        good = SharedModels.path(SharedModels.STORIES).toString();
        service = RealWorkers.service(RealWorkers.LIMITS);
        service.load(good, ModelOptions.DEFAULT, false).get(60, TimeUnit.SECONDS);
        service.addListener(new WorkerListener() {
            @Override
            public void onStateChanged(WorkerState state, String message) {
                if (state == WorkerState.FAILED) {
                    crashed.set(true);
                }
            }
        });
    }

    /** The worker's pid once any reclaim in progress has ended. */
    private long runningPid() throws Exception {
        generate(good).awaitText(WAIT);
        return service.workerPid().orElseThrow();
    }

    @AfterAll
    void close() {
        service.close();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void brokenFileGetsItsOwnSentenceAndTheCachedModelKeepsWorking(Kind kind)
            throws Exception {
        Path bad = BadGgufFiles.write(kind, Path.of(good), folder);
        long pidBefore = runningPid();

        long started = System.nanoTime();
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> service.load(bad.toString(), ModelOptions.DEFAULT, false)
                        .get(60, TimeUnit.SECONDS));
        double ms = Measured.ms(started, System.nanoTime());
        Reply after = generate(good);

        WorkerException cause = assertInstanceOf(WorkerException.class, refused.getCause());
        assertTrue(cause.code().startsWith("model_"), cause.code());
        assertFalse(cause.getMessage().contains("engine could not load"), cause.getMessage());
        assertFalse(after.awaitText(WAIT).isEmpty());
        assertEquals(pidBefore, service.workerPid().orElseThrow());
        Measured.print("bad model file: " + kind, cause.getMessage(), ms);
    }

    @Test
    void validModelAtAPathWithSpacesAndLettersBeyondAsciiLoads() throws Exception {
        Path odd = Files.createDirectories(folder.resolve("mödel 模型 😀 dir"))
                .resolve("störies 260K 😀.gguf");
        Files.copy(Path.of(good), odd);

        String text = generate(odd.toString()).awaitText(WAIT);

        assertFalse(text.isEmpty());
    }

    @Test
    void modelFileTruncatedWhileLoadedIsRefusedWithoutACrashAndRestoredLater()
            throws Exception {
        Path copy = folder.resolve("changing.gguf");
        byte[] original = Files.readAllBytes(Path.of(good));
        Files.write(copy, original);
        generate(copy.toString()).awaitText(WAIT);

        truncateInPlace(copy, original.length / 2);
        Reply refused = generate(copy.toString()).awaitEnd(WAIT);
        overwriteInPlace(copy, original);
        String restored = generate(copy.toString()).awaitText(WAIT);

        assertEquals(ErrorCode.MODEL_INVALID, refused.error().code());
        assertTrue(refused.error().message().contains("is truncated"),
                refused.error().message());
        assertFalse(restored.isEmpty());
        // Dropping the changed model leaves memory the worker cannot return, so a successor
        // may take over (a planned reclaim); a crash would have failed a reply above.
        assertFalse(crashed.get(), "the worker crashed");
        Measured.print("model file truncated while loaded", refused.error().message(), 0);
    }

    private Reply generate(String model) {
        Reply reply = new Reply();
        service.generate(model, "Once upon a time", Sampling.greedy(8), ModelOptions.DEFAULT,
                List.of(), reply);
        return reply;
    }

    @Test
    void modelFileTruncatedDuringAReplyDoesNotCrashTheWorker() throws Exception {
        Path copy = folder.resolve("cut-while-talking.gguf");
        byte[] original = Files.readAllBytes(Path.of(good));
        Files.write(copy, original);
        Reply reply = new Reply();
        service.generate(copy.toString(), "Once upon a time", Sampling.greedy(400),
                ModelOptions.DEFAULT, List.of(), reply);
        reply.awaitFirstToken(WAIT);

        truncateInPlace(copy, 4096);
        reply.awaitEnd(WAIT);

        assertTrue(reply.done() != null, () -> "the reply failed: " + reply.error());
        assertFalse(crashed.get(), "the worker crashed");
    }

    private static void truncateInPlace(Path file, long length) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    private static void overwriteInPlace(Path file, byte[] bytes) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), 0);
        }
    }
}
