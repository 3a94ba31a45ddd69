package app.hearth.worker;

import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ErrorCode;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import app.hearth.testsupport.Await;
import app.hearth.testsupport.GgufRewriter;
import app.hearth.testsupport.RecordingListener;
import app.hearth.testsupport.SharedModels;
import app.hearth.workerclient.WorkerException;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerService;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The worker's token counts are the binding's, for the real stories260K model. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenizeProcessTest {

    private static final ModelOptions OPTIONS = new ModelOptions(512, 1);
    /**
     * What llama2.c's 512-token vocabulary makes of "Once upon a time" as a prompt: four
     * words after the beginning-of-sequence token, which the engine adds to every prompt of a
     * SentencePiece model (the binding's encode leaves it out, its completion does not).
     */
    private static final int KNOWN_ONCE_UPON_A_TIME = 5;

    private LlamaModel inProcess;
    private WorkerService worker;
    private String stories;

    @BeforeAll
    void start() throws Exception {
        // The binding extracts its library into this folder and fails if it does not exist.
        Files.createDirectories(Path.of(System.getProperty("de.kherud.llama.tmpdir")));
        stories = SharedModels.stories().toString();
        inProcess = new LlamaModel(new ModelParameters().setModel(stories).setCtxSize(512)
                .setThreads(1).skipWarmup().disableLog());
        worker = new WorkerService(WorkerLauncher.forThisInstallation(null), Runnable::run);
    }

    @AfterAll
    void stop() {
        worker.close();
        // Never close a model in a JVM that goes on running tests (DESIGN.md §3).
        inProcess = null;
    }

    @Test
    void countsAKnownPromptAsTheEngineWillSeeIt() throws Exception {
        int counted = count("Once upon a time");

        assertEquals(inProcess.encode("Once upon a time").length + 1, counted);
        assertEquals(KNOWN_ONCE_UPON_A_TIME, counted);
    }

    @Test
    void countsEveryKindOfTextAsTheBindingDoes() throws Exception {
        List<String> texts = List.of("", " ", "Lily and Tom went to the park.\n\nThe end.",
                "Emoji 😀🎉, 日本語, Cafe\u0301, кириллица", "a</s>b<s>c", "x".repeat(3000));

        for (String text : texts) {
            assertEquals(inProcess.encode(text).length + 1, count(text), "text " + text);
        }
    }

    @Test
    void countsAPromptAsTheGenerationThatSendsItDoes() throws Exception {
        String prompt = "One day, a little bird saw a big red ball in the garden.";
        RecordingListener reply = new RecordingListener();

        worker.generate(stories, prompt, Sampling.greedy(4), OPTIONS, List.of(), reply);
        DoneEvent done = reply.done();

        assertEquals(done.promptTokens(), count(prompt));
    }

    @Test
    void leavesTheBeginningTokenOutForAModelThatSaysItHasNone(@TempDir Path dir)
            throws Exception {
        Path withoutBos = GgufRewriter.copy(Path.of(stories), dir.resolve("no-bos.gguf"),
                Map.of("tokenizer.ggml.add_bos_token", false), Set.of());

        int counted = Await.future(worker.tokenize(withoutBos.toString(), "Once upon a time",
                OPTIONS), "the count without a beginning token");

        assertEquals(inProcess.encode("Once upon a time").length, counted);
    }

    @Test
    void failsWithTheUsualCodeForAMissingModel() {
        String missing = Path.of(stories).resolveSibling("no-such-model.gguf").toString();

        WorkerException failure = assertThrows(WorkerException.class, () -> Await.future(
                worker.tokenize(missing, "Hi", OPTIONS), "the refusal"));

        assertEquals(ErrorCode.MODEL_NOT_FOUND, failure.code());
    }

    private int count(String text) throws Exception {
        return Await.future(worker.tokenize(stories, text, OPTIONS), "the count of " + text);
    }
}
