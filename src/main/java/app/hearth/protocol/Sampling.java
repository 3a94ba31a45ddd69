package app.hearth.protocol;

/**
 * Sampling settings of one generation.
 *
 * @param temperature   0 means greedy decoding
 * @param topP          nucleus sampling threshold, 1 disables it
 * @param topK          0 disables it
 * @param minP          0 disables it
 * @param repeatPenalty 1 disables it
 * @param maxTokens     upper bound on generated tokens; must be positive
 * @param seed          random seed; -1 picks one at random
 */
public record Sampling(
        float temperature, float topP, int topK, float minP, float repeatPenalty,
        int maxTokens, long seed) {

    /**
     * @throws IllegalArgumentException for a value that is not a finite number: JSON cannot
     *                                  carry it and the engine would sample nonsense
     */
    public Sampling {
        if (!Float.isFinite(temperature) || !Float.isFinite(topP) || !Float.isFinite(minP)
                || !Float.isFinite(repeatPenalty)) {
            throw new IllegalArgumentException("Sampling settings must be finite numbers");
        }
    }

    /** Defaults close to what llama.cpp's own chat programs use. */
    public static final Sampling DEFAULT = new Sampling(0.7f, 0.95f, 40, 0.05f, 1.1f, 512, -1);

    /** Greedy decoding: the same prompt always gives the same reply. */
    public static Sampling greedy(int maxTokens) {
        return new Sampling(0f, 1f, 1, 0f, 1f, maxTokens, 0);
    }

    /** A copy with another token limit. */
    public Sampling withMaxTokens(int tokens) {
        return new Sampling(temperature, topP, topK, minP, repeatPenalty, tokens, seed);
    }

    /** A copy with another seed. */
    public Sampling withSeed(long newSeed) {
        return new Sampling(temperature, topP, topK, minP, repeatPenalty, maxTokens, newSeed);
    }

    /** A copy with another temperature. */
    public Sampling withTemperature(float value) {
        return new Sampling(value, topP, topK, minP, repeatPenalty, maxTokens, seed);
    }
}
