package app.hearth.protocol;

/**
 * Load options that decide whether two requests can share one loaded model.
 *
 * @param contextSize context window in tokens; 0 lets the worker choose with
 *                    {@link #contextFor(long)}
 * @param threads     decoding threads; 0 lets the worker choose
 */
public record ModelOptions(int contextSize, int threads) {

    /** Options that let the worker choose everything. */
    public static final ModelOptions DEFAULT = new ModelOptions(0, 0);

    /**
     * The context, in tokens, of a load that leaves it to the worker, and the default of the
     * app's "context size" setting.
     */
    public static final int DEFAULT_CONTEXT_TOKENS = 4096;

    /**
     * The context a model gets when a request leaves it to the worker: {@value
     * #DEFAULT_CONTEXT_TOKENS} tokens, or the model's own trained context if that is smaller.
     * The worker loads with it and the model picker and {@code hearth models} estimate memory
     * with it, so all three agree. Pure.
     *
     * @param trainedTokens the model's trained context in tokens; 0 or less when unknown
     * @return the context in tokens, at least 1
     */
    public static int contextFor(long trainedTokens) {
        return contextFor(trainedTokens, DEFAULT_CONTEXT_TOKENS);
    }

    /**
     * The context a model gets when people asked for {@code preferredTokens}: that many, or
     * the model's own trained context if that is smaller. Pure.
     *
     * @param trainedTokens   the model's trained context in tokens; 0 or less when unknown
     * @param preferredTokens the context people chose, positive
     */
    public static int contextFor(long trainedTokens, int preferredTokens) {
        return trainedTokens > 0 && trainedTokens < preferredTokens
                ? (int) trainedTokens : preferredTokens;
    }
}
