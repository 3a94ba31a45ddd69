package app.hearth.cache;

import java.nio.file.Path;

/**
 * Estimates, before a load, how much memory a model will take once loaded: weights, KV cache
 * for the context size, and the engine's working buffers. Called on the loading thread; must
 * not load the model.
 */
@FunctionalInterface
public interface ModelSizer {

    /**
     * The expected memory of the loaded model.
     *
     * @param model       the GGUF file; exists and starts with the GGUF magic
     * @param contextSize context window in tokens, positive
     * @return bytes, positive
     */
    long estimateBytes(Path model, int contextSize);
}
