package app.hearth.protocol;

/**
 * Load options that decide whether two requests can share one loaded model.
 *
 * @param contextSize context window in tokens; 0 lets the worker choose
 * @param threads     decoding threads; 0 lets the worker choose
 */
public record ModelOptions(int contextSize, int threads) {

    /** Options that let the worker choose everything. */
    public static final ModelOptions DEFAULT = new ModelOptions(0, 0);
}
