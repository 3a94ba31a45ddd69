package app.hearth.protocol;

/**
 * Loads a model into the worker's cache ahead of use; answered by {@link LoadedEvent} or
 * {@link ErrorEvent}.
 *
 * @param model   absolute path of the GGUF file
 * @param options load options; null means {@link ModelOptions#DEFAULT}
 * @param pinned  whether the cache may never evict the model
 */
public record LoadRequest(String id, String model, ModelOptions options, boolean pinned)
        implements Request {
}
