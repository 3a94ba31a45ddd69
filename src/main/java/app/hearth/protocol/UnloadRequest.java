package app.hearth.protocol;

/**
 * Drops a model from the worker's cache; answered by {@link UnloadedEvent} or
 * {@link ErrorEvent}. A model that is generating is unloaded when its reply ends.
 *
 * @param model absolute path of the GGUF file
 */
public record UnloadRequest(String id, String model) implements Request {
}
