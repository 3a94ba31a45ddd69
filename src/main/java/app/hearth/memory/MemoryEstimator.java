package app.hearth.memory;

import app.hearth.gguf.GgufModel;

/**
 * Estimates what loading a model with de.kherud:llama 4.2.0 (llama.cpp b4916, CPU, model read
 * into memory, {@link EngineSettings#WORKER}) adds to the worker's resident memory once the
 * model has been used with a full context: the most it will hold, which the budget needs.
 *
 * <p>Three parts. The weights: the file, read in (with mmap off, the repacked copy of Q4_0
 * matrices replaces the weights rather than adding to them). The KV cache, cleared and so
 * resident from the load on. And the engine's own memory: a fixed ~30 MiB per context and
 * the compute buffer, whose pages are touched only as prompts grow. Without flash attention
 * the compute buffer holds one micro-batch's attention scores over the whole context; a
 * micro-batch of 128 tokens keeps that part small, so a fresh load and a full context differ
 * by 10-20% for the ~200 MB models below and by a few percent for real models, whose weights
 * dwarf it; only a small model with many heads at a long context (the Q4_0 row at 4096)
 * holds a quarter more once its context fills than right after the load.
 *
 * <p>Measured with {@code EngineSettingsSweep} (child JVMs set up as the worker, growth of
 * the resident memory over the linked library, MiB; generated models of 163-196 MiB):
 * <pre>
 * model (heads)  ctx   fresh load  full context  estimate
 * F32 (16)       2048     242.3        269.5       271.6
 * F32 (16)       4096     258.3        310.5       312.6
 * F16 (16)       2048     256.6        283.6       285.7
 * F16 (16)       4096     288.4        340.6       342.7
 * Q8_0 (16)      2048     266.3        293.2       295.3
 * Q8_0 (16)      4096     322.2        374.4       376.3
 * Q4_0 (32)      2048     241.7        300.0       299.3
 * Q4_0 (32)      4096     289.2        396.9       396.3
 * </pre>
 * The same terms matched the full context within 0.97-1.09 with micro-batches of 256 and
 * 512 and with flash attention (the package-private estimate with settings). A fresh
 * load measured weights + KV + 30.4-30.6 MiB for all four types; a short reply adds
 * about 1.5 MiB. Pure and thread-safe.
 */
public final class MemoryEstimator {

    private static final long MIB = 1L << 20;
    /** Per-context memory that does not scale with the model: server slot, threads, heaps. */
    private static final long CONTEXT_OVERHEAD = 30 * MIB;
    /** llama.cpp's vocabulary tables, per token. */
    private static final long BYTES_PER_VOCAB_TOKEN = 192;
    /** llama.cpp pads the context to a multiple of this many cells (no flash attention). */
    private static final int CONTEXT_PADDING = 32;
    /** The padding with flash attention, whose kernels skip boundary checks. */
    private static final int FLASH_CONTEXT_PADDING = 256;
    private static final int F32_BYTES = 4;
    private static final int F16_BYTES = 2;

    private MemoryEstimator() {
    }

    /**
     * Estimates the memory of one model loaded by the worker.
     *
     * @param model the model's header, never {@code null}
     * @param contextTokens the context size the model will be loaded with, at least 1
     * @return never {@code null}; every component is at least 0 and the total at least 1
     */
    public static MemoryEstimate estimate(GgufModel model, int contextTokens) {
        return estimate(model, contextTokens, EngineSettings.WORKER);
    }

    /** Estimates the memory of one model loaded with other engine settings. */
    static MemoryEstimate estimate(GgufModel model, int contextTokens,
            EngineSettings settings) {
        if (contextTokens < 1) {
            throw new IllegalArgumentException("context must hold a token: " + contextTokens);
        }
        boolean flash = settings.usesFlashAttention(model);
        long padding = flash ? FLASH_CONTEXT_PADDING : CONTEXT_PADDING;
        long context = ((long) contextTokens + padding - 1) / padding * padding;
        double batch = Math.min(settings.microBatchTokens(), context);

        long weights = Math.max(1, model.fileSizeBytes());
        long kvCache = saturated((double) model.kvCacheElementsPerToken() * context * F16_BYTES);
        double attention = flash ? flashAttention(batch, context)
                : attentionScores(model, batch, context);
        long compute = saturated(attention + feedForward(model, batch)
                + (double) model.vocabularySize() * BYTES_PER_VOCAB_TOKEN + CONTEXT_OVERHEAD);
        long total = saturated((double) weights + kvCache + compute);
        return new MemoryEstimate(weights, kvCache, compute, total);
    }

    /**
     * Without flash attention: one micro-batch's scores for every head plus the mask, over
     * the whole context, in F32, and the F16 copy of the scores that the CPU backend makes
     * before multiplying them by V.
     */
    private static double attentionScores(GgufModel model, double batch, long context) {
        double heads = model.headCount();
        return batch * context * ((heads + 1) * F32_BYTES + heads * F16_BYTES);
    }

    /** With flash attention the scores are never stored; only the F16 mask is. */
    private static double flashAttention(double batch, long context) {
        return batch * context * F16_BYTES;
    }

    /**
     * The feed-forward step's gate, up and product for one micro-batch. Logits for a whole
     * micro-batch are reserved too, but chat asks for one token's logits, so those pages are
     * never touched.
     */
    private static double feedForward(GgufModel model, double batch) {
        return batch * F32_BYTES * 3.0 * model.feedForwardLength();
    }

    private static long saturated(double bytes) {
        if (Double.isNaN(bytes) || bytes < 0) {
            return 0;
        }
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }
}
