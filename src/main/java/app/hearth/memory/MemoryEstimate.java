package app.hearth.memory;

/**
 * What loading and using a model is expected to add to the worker's resident memory, in
 * bytes.
 *
 * @param weightsBytes the model file's weights (the worker reads them into its memory)
 * @param kvCacheBytes the key/value cache for the chosen context (F16 keys and values)
 * @param computeBytes all other anonymous memory: llama.cpp's compute buffers, per-context
 *     overhead and, for Q4_0 models on x86, the backend's repacked copy of the weights
 * @param totalBytes the sum of the three
 */
public record MemoryEstimate(long weightsBytes, long kvCacheBytes, long computeBytes,
        long totalBytes) {
}
