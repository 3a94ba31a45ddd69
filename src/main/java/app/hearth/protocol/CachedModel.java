package app.hearth.protocol;

/**
 * One entry of the worker's model cache as reported in {@link ModelsEvent}.
 *
 * @param model          absolute path of the GGUF file
 * @param state          {@code loading}, {@code ready} or {@code generating}
 * @param pinned         never evicted while true
 * @param idleMs         time since the model was last used, in ms (0 while generating)
 * @param estimatedBytes memory the model was expected to take when loaded
 * @param measuredBytes  resident memory the worker grew by while loading it; 0 if unknown
 * @param contextSize    context window in tokens
 * @param threads        decoding threads the model was loaded with; 0 from a worker that
 *                       does not say
 */
public record CachedModel(
        String model, String state, boolean pinned, long idleMs, long estimatedBytes,
        long measuredBytes, int contextSize, int threads) {
}
