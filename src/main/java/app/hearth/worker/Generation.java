package app.hearth.worker;

import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.GenerateRequest;
import app.hearth.protocol.Sampling;
import app.hearth.protocol.TokenEvent;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One reply being generated. {@link #run} streams tokens on the calling thread, which is the
 * only thread that may cancel the binding's iterator (DESIGN.md §3); other threads ask for a
 * stop through {@link #requestCancel()}, which that thread notices between tokens.
 */
final class Generation {

    private final GenerateRequest request;
    private final Sampling sampling;
    private final ProtocolWriter writer;
    private volatile boolean cancelRequested;

    Generation(GenerateRequest request, ProtocolWriter writer) {
        this.request = request;
        this.sampling = request.sampling() == null ? Sampling.DEFAULT : request.sampling();
        this.writer = writer;
    }

    String id() {
        return request.id();
    }

    /** Asks the generating thread to stop after the current token. Any thread. */
    void requestCancel() {
        cancelRequested = true;
    }

    /**
     * Generates the whole reply on this thread and returns its summary.
     *
     * @param contextRoom tokens left in the context after the prompt; the reply ends there
     *                    with the stop reason {@code context}
     */
    DoneEvent run(LlamaModel model, int promptTokens, long loadMs, int contextRoom) {
        int limit = Math.min(sampling.maxTokens(), contextRoom);
        long startedAt = System.nanoTime();
        long firstTokenAt = 0;
        long lastTokenAt = 0;
        int generated = 0;
        // Tokens the engine decoded, with or without text: some stream none of their own.
        int decoded = 0;
        String stopReason = "end";

        LlamaIterator tokens = model.generate(parameters(limit)).iterator();
        boolean started = false;
        while (tokens.hasNext()) {
            // The engine files a cancel ahead of its queue: sent before the task has produced
            // anything, it finds no task and the reply runs on unseen to its token limit,
            // holding up the next one. So a stop waits for the first output (the end of
            // prompt processing) before it cancels.
            if (cancelRequested && started) {
                tokens.cancel();
                stopReason = "cancelled";
                break;
            }
            LlamaOutput output = tokens.next();
            started = true;
            // The stream ends with one empty output that is no token.
            if (tokens.hasNext()) {
                decoded++;
            }
            if (cancelRequested) {
                continue;
            }
            if (output.text.isEmpty()) {
                continue;
            }
            lastTokenAt = System.nanoTime();
            if (generated == 0) {
                firstTokenAt = lastTokenAt;
            }
            generated++;
            writer.send(new TokenEvent(request.id(), output.text));
        }
        if (!"cancelled".equals(stopReason) && decoded >= limit) {
            stopReason = limit < sampling.maxTokens() ? "context" : "length";
        }

        double ttftMs = generated == 0 ? 0 : (firstTokenAt - startedAt) / 1e6;
        double decodeSeconds = (lastTokenAt - firstTokenAt) / 1e9;
        double tokensPerSecond = generated > 1 && decodeSeconds > 0
                ? (generated - 1) / decodeSeconds : 0;
        return new DoneEvent(request.id(), stopReason, promptTokens,
                Math.max(decoded, generated), loadMs, ttftMs, tokensPerSecond);
    }

    private InferenceParameters parameters(int limit) {
        long seed = sampling.seed() < 0 ? ThreadLocalRandom.current().nextInt(1 << 30)
                : sampling.seed();
        InferenceParameters parameters = new InferenceParameters(request.prompt())
                .setNPredict(limit)
                .setTemperature(sampling.temperature())
                .setTopP(sampling.topP())
                .setTopK(sampling.topK())
                .setMinP(sampling.minP())
                .setRepeatPenalty(sampling.repeatPenalty())
                .setSeed((int) seed)
                .setCachePrompt(true);
        List<String> stop = request.stop();
        if (stop != null && !stop.isEmpty()) {
            parameters.setStopStrings(stop.toArray(String[]::new));
        }
        return parameters;
    }
}
