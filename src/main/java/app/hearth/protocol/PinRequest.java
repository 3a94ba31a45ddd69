package app.hearth.protocol;

/**
 * Pins or unpins a cached model: a pinned model is never evicted, expired or freed under
 * pressure. Answered by a {@link ModelsEvent}, or an {@link ErrorEvent} when the model is not
 * cached.
 *
 * @param model  absolute path of the GGUF file
 * @param pinned true to pin, false to unpin
 */
public record PinRequest(String id, String model, boolean pinned) implements Request {
}
