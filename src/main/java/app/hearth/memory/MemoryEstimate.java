package app.hearth.memory;

/**
 * What loading and using a model is expected to add to the worker's resident memory, in
 * bytes.
 *
 * @param weightsBytes the model file's weights (the worker reads them into its memory)
 * @param kvCacheBytes the key/value cache for the chosen context (F16 keys and values)
 * @param computeBytes all other memory: llama.cpp's per-context overhead and its compute
 *     buffer as a full context uses it
 * @param totalBytes the sum of the three
 */
public record MemoryEstimate(long weightsBytes, long kvCacheBytes, long computeBytes,
        long totalBytes) {
}
