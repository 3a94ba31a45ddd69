package app.hearth.workerclient;

/** A generation in progress. */
public interface GenerationHandle {

    /** The request id, as it appears in the log. */
    String id();

    /**
     * Asks the worker to stop the reply; it then ends with a {@code cancelled} done event.
     * Any thread; returns at once.
     */
    void cancel();
}
