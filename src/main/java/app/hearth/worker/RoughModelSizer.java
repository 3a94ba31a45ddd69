package app.hearth.worker;

import app.hearth.cache.ModelSizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in estimate until the GGUF-based {@code MemoryEstimator} is wired in: the weights
 * are the file, the KV cache grows with the context in proportion to the weights, and the
 * engine's buffers take a fixed allowance.
 *
 * <p>The KV share is rough: one token of context per 16 KiB of weights is about right for
 * small F32 models and for 7B models without grouped-query attention, and overestimates the
 * KV cache of models with it.
 */
final class RoughModelSizer implements ModelSizer {

    /** Bytes of weights per byte of KV cache per token of context. */
    static final long WEIGHT_BYTES_PER_KV_BYTE_PER_TOKEN = 16 * 1024;
    /** Compute buffers and the binding's own state, measured at ~30 MiB for a 1 MB model. */
    static final long COMPUTE_ALLOWANCE = 32L << 20;

    @Override
    public long estimateBytes(Path model, int contextSize) {
        long weights;
        try {
            weights = Files.size(model);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + model, e);
        }
        long kv = weights / WEIGHT_BYTES_PER_KV_BYTE_PER_TOKEN * contextSize;
        return weights + kv + COMPUTE_ALLOWANCE;
    }
}
