package app.hearth.bench;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;

import java.nio.file.Path;

/**
 * java-llama.cpp called directly in this JVM, the way the worker's Generation calls it, with
 * nothing between the engine and the timer. Not thread-safe: one generation at a time.
 */
final class InProcessEngine {

    private final LlamaModel model;

    InProcessEngine(Path file, EngineConfig config) {
        this.model = new LlamaModel(config.parameters(file));
    }

    int countTokens(String text) {
        return model.encode(text).length;
    }

    /** Greedy reply, timed from the request to the first and the last non-empty token. */
    Generated generate(String prompt, int maxTokens) {
        long started = System.nanoTime();
        long first = 0;
        long last = 0;
        int tokens = 0;

        LlamaIterator outputs = model.generate(greedy(prompt, maxTokens)).iterator();
        while (outputs.hasNext()) {
            LlamaOutput output = outputs.next();
            if (output.text.isEmpty()) {
                continue;
            }
            last = System.nanoTime();
            if (tokens == 0) {
                first = last;
            }
            tokens++;
        }
        return Generated.of(started, first, last, tokens);
    }

    /** The same settings as {@code Sampling.greedy} gives the worker's Generation. */
    private static InferenceParameters greedy(String prompt, int maxTokens) {
        return new InferenceParameters(prompt)
                .setNPredict(maxTokens)
                .setTemperature(0f)
                .setTopP(1f)
                .setTopK(1)
                .setMinP(0f)
                .setRepeatPenalty(1f)
                .setSeed(0)
                .setCachePrompt(true);
    }
}
