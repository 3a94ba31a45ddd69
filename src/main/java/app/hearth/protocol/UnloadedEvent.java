package app.hearth.protocol;

/**
 * A model left the cache.
 *
 * @param id     the unload request, or null when the worker evicted it on its own
 * @param reason {@code requested}, {@code evicted}, {@code expired} or {@code pressure}
 */
public record UnloadedEvent(String id, String model, String reason) implements Event {
}
