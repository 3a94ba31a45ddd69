package app.hearth.cache;

/**
 * An immutable view of one cached model.
 *
 * @param lastUsedMs     clock time of the last release, in ms
 * @param estimatedBytes expected memory of the model, in bytes
 * @param measuredBytes  resident memory growth measured during the load, in bytes; 0 if unknown
 */
public record CacheEntry(
        ModelKey key, ModelState state, boolean pinned, int users, long lastUsedMs,
        long estimatedBytes, long measuredBytes) {
}
