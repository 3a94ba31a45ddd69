package app.hearth.memory;

import app.hearth.gguf.GgufModel;

/**
 * The engine settings that decide how much memory a loaded model takes besides its weights
 * and its KV cache. The worker loads every model with {@link #WORKER}; the estimate assumes
 * the same, so the two must change together.
 *
 * @param flashAttention whether to ask llama.cpp for its fused attention kernel, which never
 *     holds a whole micro-batch's attention scores; llama.cpp still turns it off for models
 *     it cannot serve that way ({@link #usesFlashAttention})
 * @param microBatchTokens tokens that llama.cpp processes in one step (its "ubatch"), positive
 */
public record EngineSettings(boolean flashAttention, int microBatchTokens) {

    /**
     * What the worker loads models with: no flash attention, micro-batches of 128 tokens.
     *
     * <p>Measured with {@code EngineSettingsSweep} and {@code DecodeSpeedAb} on a 2-core
     * machine shared with other jobs (load average 2-8, so speeds are medians of 7 runs per
     * setting), 188 MB Q8_0 model, context 2048. Against the defaults (no flash attention,
     * 512): flash attention cut the memory a full context adds over a fresh load from 98 to
     * 22 MiB but cost a quarter of prompt speed (51 against 68 tok/s) and a third of decode
     * speed at a full context (13.4 against 20.1 tok/s): llama.cpp b4916's CPU kernel is
     * slow. A micro-batch of 128 cut the same memory to 27 MiB and lost no prompt speed (82
     * against 68 tok/s); decode does not use it (one token per step), and alternating rounds
     * within one JVM gave 18.8 against 15.5 tok/s at a full context (noise on both sides).
     */
    public static final EngineSettings WORKER = new EngineSettings(false, 128);

    public EngineSettings {
        if (microBatchTokens < 1) {
            throw new IllegalArgumentException("micro-batch must hold a token: "
                    + microBatchTokens);
        }
    }

    /**
     * Whether llama.cpp b4916 really computes attention with the flash kernel for this model:
     * it turns the kernel off for Grok and for models whose key and value heads differ in
     * width ({@code llama_init_from_model}).
     */
    public boolean usesFlashAttention(GgufModel model) {
        return flashAttention
                && !"grok".equals(model.architecture())
                && model.headSize() == model.valueHeadSize();
    }
}
