package app.hearth.bench;

import app.hearth.memory.EngineSettings;
import de.kherud.llama.ModelParameters;

import java.nio.file.Path;

/**
 * The engine settings a benchmark loads a model with. Zero leaves a size to the binding.
 *
 * @param threads     decoding threads
 * @param contextSize context window in tokens
 * @param skipWarmup  whether to skip the binding's warm-up decode at load
 * @param batchSize   logical batch in tokens, 0 for the binding's default (2048)
 * @param ubatchSize  physical batch in tokens, 0 for the binding's default (512)
 */
record EngineConfig(int threads, int contextSize, boolean skipWarmup, int batchSize,
        int ubatchSize) {

    /**
     * What the worker's LlamaLoader uses for a request with default options, except that the
     * model file stays mapped here.
     */
    static EngineConfig likeTheWorker(int threads) {
        return new EngineConfig(threads, 2048, true, 0,
                EngineSettings.WORKER.microBatchTokens());
    }

    ModelParameters parameters(Path model) {
        ModelParameters parameters = new ModelParameters()
                .setModel(model.toString())
                .setCtxSize(contextSize)
                .setThreads(threads)
                .setThreadsBatch(threads)
                .disableLog();
        if (skipWarmup) {
            parameters.skipWarmup();
        }
        if (batchSize > 0) {
            parameters.setBatchSize(batchSize);
        }
        if (ubatchSize > 0) {
            parameters.setUbatchSize(ubatchSize);
        }
        return parameters;
    }

    /** A short label for tables. */
    String label() {
        return threads + " threads, " + (skipWarmup ? "no warm-up" : "warm-up")
                + (batchSize > 0 ? ", batch " + batchSize : "")
                + (ubatchSize > 0 ? ", ubatch " + ubatchSize : "");
    }
}
