package app.hearth.chat.template;

import java.nio.charset.StandardCharsets;

/**
 * A token estimate for one model that errs high and learns from the counts the worker
 * reports.
 *
 * <p>Every token of a byte-level or byte-fallback vocabulary covers at least one UTF-8 byte,
 * so one token per byte is a true upper bound; real text takes far fewer (about 0.25 for
 * English with a large vocabulary). The estimate starts at {@value #START} tokens per byte and
 * moves to what the worker measured plus a margin. When the worker still finds a prompt too
 * long, {@link #assumeWorst()} falls back to the bound. Not thread-safe: the chat window uses
 * it on the JavaFX thread only.
 */
public final class TokenEstimate implements TokenCounter {

    static final double START = 0.5;
    static final double WORST = 1.0;
    private static final double MARGIN = 1.15;
    private static final double FLOOR = 0.1;
    /** Beginning-of-sequence and other tokens the tokenizer adds. */
    private static final int OVERHEAD = 8;
    /** Shorter prompts say too little about the vocabulary to learn from. */
    private static final int LEARN_FROM_BYTES = 64;

    private double tokensPerByte = START;

    @Override
    public int count(String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        return (int) Math.ceil(bytes * tokensPerByte) + OVERHEAD;
    }

    /** Adjusts the estimate to a count the worker measured for {@code prompt}. */
    public void learn(String prompt, int measuredTokens) {
        int bytes = prompt.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < LEARN_FROM_BYTES || measuredTokens <= 0) {
            return;
        }
        double measured = (double) measuredTokens / bytes * MARGIN;
        tokensPerByte = Math.max(FLOOR, Math.min(WORST, measured));
    }

    /** Estimates with the upper bound from now on, until the next {@link #learn}. */
    public void assumeWorst() {
        tokensPerByte = WORST;
    }

    /** Tokens per UTF-8 byte the estimate uses now. */
    public double tokensPerByte() {
        return tokensPerByte;
    }
}
