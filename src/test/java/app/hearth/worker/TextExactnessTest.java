package app.hearth.worker;

import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import app.hearth.testsupport.SharedModels;
import app.hearth.workerclient.GenerationListener;
import app.hearth.workerclient.WorkerError;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerService;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text arrives exactly: characters whose bytes come from several byte tokens of the Llama 2
 * vocabulary are never cut apart, and a streamed reply through the worker equals the same
 * greedy request completed without streaming.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextExactnessTest {

    /** Token ids 3 to 258 of the Llama 2 vocabulary are the bytes 0x00 to 0xFF. */
    private static final int FIRST_BYTE_TOKEN = 3;
    private static final int LAST_BYTE_TOKEN = 258;
    private static final int THREADS = 2;
    private static final String FORCED = "😀世界 e\u0301 ñ 🇫🇷 한 👩‍👧";

    private LlamaModel model;
    private String path;

    @BeforeAll
    void loadInProcess() throws Exception {
        // The binding extracts its library into this folder and fails if it does not exist.
        Files.createDirectories(Path.of(System.getProperty("de.kherud.llama.tmpdir")));
        path = SharedModels.path(SharedModels.TINY_RANDOM).toString();
        model = new LlamaModel(new ModelParameters().setModel(path)
                .setCtxSize(ModelOptions.DEFAULT_CONTEXT_TOKENS).setThreads(THREADS)
                .setThreadsBatch(THREADS).skipWarmup().disableLog());
    }

    @AfterAll
    void free() {
        // Never close a model in a JVM that goes on running tests: close() frees little and
        // the binding keeps native threads (DESIGN.md §3); the fork ends with System.exit.
        model = null;
    }

    @Test
    void theBindingStreamsEachCharacterWholeWhenItsBytesComeFromSeveralTokens() {
        assertTrue(Arrays.stream(model.encode(FORCED))
                .anyMatch(id -> id >= FIRST_BYTE_TOKEN && id <= LAST_BYTE_TOKEN),
                "the text should need byte tokens");
        InferenceParameters forced = new InferenceParameters("Say: ").setNPredict(64)
                .setTemperature(0f).setTopK(1).setSeed(0)
                .setGrammar("root ::= \"" + FORCED + "\"");

        List<String> outputs = new ArrayList<>();
        for (LlamaOutput output : model.generate(forced)) {
            outputs.add(output.text);
        }

        assertEquals(FORCED, String.join("", outputs));
        outputs.forEach(text -> assertTrue(isWholeUtf16(text), () -> "cut text: " + outputs));
    }

    @Test
    void streamedRepliesThroughTheWorkerEqualTheUnstreamedCompletion() throws Exception {
        List<String> prompts = List.of("Emoji 😀🎉 and flags 🇯🇵", "日本語と中文的文本",
                "Cafe\u0301 nai\u0308ve Åström", "Ελληνικά кириллица العربية");
        for (String prompt : prompts) {
            // A fresh worker and no prompt cache in-process: reusing the KV cache of an
            // earlier prompt changes the arithmetic slightly, and random weights turn that
            // into another greedy reply, which says nothing about streaming.
            WorkerService worker = new WorkerService(WorkerLauncher.javaMain(
                    WorkerLauncher.WORKER_MAIN, List.of("-Dhearth.threads=" + THREADS)),
                    Runnable::run);
            try {
                Sampling greedy = Sampling.greedy(32);

                String streamed = stream(worker, prompt, greedy);
                String complete = model.complete(sameAsTheWorker(prompt, greedy));

                assertEquals(complete, streamed, "prompt " + prompt);
                assertFalse(streamed.contains("\uFFFD") && !complete.contains("\uFFFD"));
                assertTrue(isWholeUtf16(streamed));
            } finally {
                worker.close();
            }
        }
    }

    private String stream(WorkerService worker, String prompt, Sampling sampling)
            throws Exception {
        StringBuilder text = new StringBuilder();
        CompletableFuture<String> ended = new CompletableFuture<>();
        worker.generate(path, prompt, sampling, ModelOptions.DEFAULT, List.of(),
                new GenerationListener() {
                    @Override
                    public void onToken(String more) {
                        text.append(more);
                    }

                    @Override
                    public void onDone(DoneEvent done) {
                        ended.complete(text.toString());
                    }

                    @Override
                    public void onError(WorkerError error) {
                        ended.completeExceptionally(new AssertionError(error.message()));
                    }
                });
        return ended.get(60, TimeUnit.SECONDS);
    }

    /** The parameters Generation builds for the request, without streaming. */
    private static InferenceParameters sameAsTheWorker(String prompt, Sampling sampling) {
        return new InferenceParameters(prompt).setNPredict(sampling.maxTokens())
                .setTemperature(sampling.temperature()).setTopP(sampling.topP())
                .setTopK(sampling.topK()).setMinP(sampling.minP())
                .setRepeatPenalty(sampling.repeatPenalty()).setSeed((int) sampling.seed())
                .setCachePrompt(false);
    }

    private static boolean isWholeUtf16(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || c == '\uFFFD') {
                return false;
            }
        }
        return true;
    }
}
