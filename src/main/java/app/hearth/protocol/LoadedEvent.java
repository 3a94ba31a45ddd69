package app.hearth.protocol;

/**
 * A model is loaded and ready.
 *
 * @param id     the load request, or the generate request that caused the load
 * @param loadMs how long the load took, in milliseconds
 */
public record LoadedEvent(String id, String model, long loadMs) implements Event {
}
