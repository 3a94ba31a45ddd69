package app.hearth.workerclient;

import app.hearth.protocol.DoneEvent;

/**
 * Receives one generation's events, on the executor given to the {@link WorkerService}, in
 * order. Exactly one of {@link #onDone} and {@link #onError} ends the stream.
 */
public interface GenerationListener {

    /** The model was loaded for this request; not called when it was cached. */
    default void onLoaded(long loadMs) {
    }

    /** Generated text, one token or several. */
    void onToken(String text);

    /** The reply ended normally, by length, or by cancellation. */
    void onDone(DoneEvent done);

    /** The reply failed; the text received so far stays valid. */
    void onError(WorkerError error);
}
