package app.hearth.chat.template;

import app.hearth.chat.ModelProbe;
import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import app.hearth.testsupport.ChatTemplates;
import app.hearth.testsupport.GgufRewriter;
import app.hearth.testsupport.RecordingListener;
import app.hearth.testsupport.SharedModels;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each template family detected from a real model file and generated through the worker. */
class TemplatedGenerationTest {

    private static final List<Turn> TURNS = List.of(Turn.user("Hello"),
            Turn.assistant("Once upon a time"), Turn.user("Tell me about a cat."));

    @TempDir
    static Path folder;

    private static WorkerService worker;

    @BeforeAll
    static void startWorker() {
        worker = new WorkerService(WorkerLauncher.forThisInstallation(folder), Runnable::run);
    }

    @AfterAll
    static void stopWorker() {
        worker.close();
    }

    @Test
    void generatesWithAMistralInstructTemplate() throws Exception {
        assertGenerates("mistral.gguf", ChatTemplates.MISTRAL, PromptFamily.MISTRAL);
    }

    @Test
    void generatesWithAChatMlTemplate() throws Exception {
        assertGenerates("chatml.gguf", ChatTemplates.CHATML, PromptFamily.CHATML);
    }

    @Test
    void generatesWithALlama3Template() throws Exception {
        assertGenerates("llama3.gguf", ChatTemplates.LLAMA3, PromptFamily.LLAMA3);
    }

    @Test
    void detectsTheSharedLlama2TemplateAndNoTemplate() throws IOException {
        Path llama2 = SharedModels.storiesWithChatTemplate();
        Path plain = SharedModels.stories();

        PromptFamily withTemplate = TemplateDetector.detect(ModelProbe.read(llama2)
                .chatTemplate());
        PromptFamily without = TemplateDetector.detect(ModelProbe.read(plain).chatTemplate());

        assertEquals(PromptFamily.LLAMA2, withTemplate);
        assertEquals(PromptFamily.CONTINUATION, without);
    }

    private static void assertGenerates(String name, String template, PromptFamily expected)
            throws Exception {
        Path model = GgufRewriter.copy(SharedModels.stories(), folder.resolve(name),
                Map.of("tokenizer.chat_template", template), Set.of());
        PromptFamily family = TemplateDetector.detect(ModelProbe.read(model).chatTemplate());
        RenderedPrompt prompt = PromptFormatter.format(family, "You tell stories.", TURNS);

        DoneEvent done = generate(model, prompt);

        assertEquals(expected, family);
        assertEquals(2048, ModelProbe.read(model).contextLength());
        assertTrue(done.promptTokens() > 10, "prompt tokens: " + done.promptTokens());
        assertTrue(done.generatedTokens() > 0, "generated tokens: " + done.generatedTokens());
    }

    private static DoneEvent generate(Path model, RenderedPrompt prompt) throws Exception {
        RecordingListener reply = new RecordingListener();
        worker.generate(model.toString(), prompt.text(), Sampling.greedy(8),
                ModelOptions.DEFAULT, prompt.stop(), reply);
        return reply.outcome().get(120, TimeUnit.SECONDS);
    }
}
