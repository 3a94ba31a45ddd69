package app.hearth.cache;

/**
 * Loads and frees models for a {@link ModelCache}. Called on the thread that asked the cache
 * for the model; never for two models at once.
 *
 * @param <M> the loaded model
 */
public interface ModelLoader<M> {

    /**
     * Checks, cheaply and before the model shows in the cache as loading, that the model can
     * be attempted at all (the file exists and looks like a model).
     *
     * @throws ModelLoadException with a sentence for people when it cannot
     */
    default void check(ModelKey key) throws ModelLoadException {
    }

    /**
     * Loads a model.
     *
     * @throws ModelLoadException with a sentence for people when the model cannot be loaded
     */
    M load(ModelKey key) throws ModelLoadException;

    /** Frees a model that is no longer in use. */
    void free(M model);

    /**
     * Whether {@link #free} gives the model's memory back to the system. When it does not, the
     * cache counts the memory as held until the process that holds it is replaced.
     */
    default boolean freeReturnsMemory() {
        return true;
    }
}
