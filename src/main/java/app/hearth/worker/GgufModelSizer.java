package app.hearth.worker;

import app.hearth.cache.ModelSizer;
import app.hearth.gguf.GgufException;
import app.hearth.gguf.GgufReader;
import app.hearth.memory.MemoryEstimator;

import java.nio.file.Path;

/**
 * Sizes a model from its GGUF metadata with the {@link MemoryEstimator}: weights, KV cache for
 * the context in use, and the engine's buffers.
 *
 * <p>A file whose header cannot be read is sized by its length alone; the load that follows
 * fails with the reader's precise reason anyway.
 */
final class GgufModelSizer implements ModelSizer {

    @Override
    public long estimateBytes(Path model, int contextSize) {
        try {
            return MemoryEstimator.estimate(GgufReader.read(model), contextSize).totalBytes();
        } catch (GgufException e) {
            return model.toFile().length();
        }
    }
}
