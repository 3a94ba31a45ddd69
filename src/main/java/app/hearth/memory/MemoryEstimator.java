package app.hearth.memory;

import app.hearth.gguf.GgmlType;
import app.hearth.gguf.GgufModel;
import app.hearth.gguf.GgufTensor;

/**
 * Estimates what loading a model with de.kherud:llama 4.2.0 (llama.cpp b4916, CPU, batch
 * 2048, micro-batch 512, no flash attention) adds to the worker's resident memory once the
 * model has been used with a nearly full context.
 *
 * <p>FIXME(#3): calibrated with the model file mapped (mmap on); the worker now reads models
 * into its own memory. Totals for F32, F16 and Q8_0 are unchanged (the weights are resident
 * either way), but for Q4_0 the repacked copy probably replaces the weights instead of adding
 * to them, so those estimates are likely too high until measured again.
 *
 * <p>The terms were fitted by measuring the resident memory of child JVMs that loaded real and
 * generated models and then processed a prompt filling the context
 * ({@code MemoryCalibrationBenchmark} in the tests); they matched within a few percent there.
 * Pure and thread-safe.
 */
public final class MemoryEstimator {

    private static final long MIB = 1L << 20;
    /** Per-context memory that does not scale with the model: server slot, threads, heaps. */
    private static final long CONTEXT_OVERHEAD = 26 * MIB;
    /** llama.cpp's vocabulary tables, per token. */
    private static final long BYTES_PER_VOCAB_TOKEN = 192;
    private static final int MICRO_BATCH = 512;
    /** llama.cpp pads the context to a multiple of this many cells (no flash attention). */
    private static final int CONTEXT_PADDING = 32;
    private static final int F32_BYTES = 4;
    private static final int F16_BYTES = 2;

    private MemoryEstimator() {
    }

    /**
     * Estimates the memory of one loaded model.
     *
     * @param model the model's header, never {@code null}
     * @param contextTokens the context size the model will be loaded with, at least 1
     * @return never {@code null}; every component is at least 0 and the total at least 1
     */
    public static MemoryEstimate estimate(GgufModel model, int contextTokens) {
        if (contextTokens < 1) {
            throw new IllegalArgumentException("context must hold a token: " + contextTokens);
        }
        long context = ((long) contextTokens + CONTEXT_PADDING - 1) / CONTEXT_PADDING
                * CONTEXT_PADDING;
        long weights = Math.max(1, model.fileSizeBytes());
        long kvCache = saturated((double) model.kvCacheElementsPerToken() * context * F16_BYTES);
        long compute = saturated((double) computeBuffer(model, context)
                + attentionWork(model, context)
                + (double) model.vocabularySize() * BYTES_PER_VOCAB_TOKEN
                + CONTEXT_OVERHEAD
                + repackedWeights(model));
        long total = saturated((double) weights + kvCache + compute);
        return new MemoryEstimate(weights, kvCache, compute, total);
    }

    /**
     * llama.cpp's compute buffer: the larger of the attention step (scores for every head
     * plus the mask, over the whole context, for one micro-batch) and the feed-forward step.
     * Logits for a whole micro-batch are reserved too, but chat asks for one token's logits, so
     * those pages are never touched.
     */
    private static double computeBuffer(GgufModel model, long context) {
        double batch = Math.min(MICRO_BATCH, context);
        double attention = batch * F32_BYTES
                * ((double) context * (model.headCount() + 1) + 4.0 * model.embeddingLength());
        double feedForward = batch * F32_BYTES * 3.0 * model.feedForwardLength() + batch * 1024;
        return Math.max(attention, feedForward);
    }

    /** The CPU backend converts the attention scores to F16 before multiplying them by V. */
    private static double attentionWork(GgufModel model, long context) {
        return Math.min(MICRO_BATCH, context) * (double) context * model.headCount() * F16_BYTES;
    }

    /**
     * On x86 with AVX2, llama.cpp b4916 copies Q4_0 matrices into an interleaved layout in
     * anonymous memory (its "CPU_AARCH64" buffer); the token embedding is only gathered, never
     * multiplied, so it stays mapped.
     */
    private static double repackedWeights(GgufModel model) {
        double bytes = 0;
        for (GgufTensor tensor : model.tensors()) {
            boolean matrix = tensor.dims().size() == 2 && tensor.dims().get(1) % 8 == 0;
            if (tensor.type() == GgmlType.Q4_0 && matrix
                    && !tensor.name().equals("token_embd.weight")) {
                bytes += tensor.byteSize();
            }
        }
        return bytes;
    }

    private static long saturated(double bytes) {
        if (Double.isNaN(bytes) || bytes < 0) {
            return 0;
        }
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }
}
