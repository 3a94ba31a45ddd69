package app.hearth.workerclient;

import app.hearth.protocol.CachedModel;
import app.hearth.protocol.MemoryEvent;

import java.util.List;

/** Receives worker-wide news on the executor given to the {@link WorkerService}. */
public interface WorkerListener {

    /**
     * The worker's state changed.
     *
     * @param message a sentence for people about why, or null
     */
    default void onStateChanged(WorkerState state, String message) {
    }

    /** The model cache as it stands; empty when no worker runs. */
    default void onModels(List<CachedModel> models) {
    }

    /** The latest memory gauges. */
    default void onMemory(MemoryEvent memory) {
    }

    /** A problem that belongs to no request, as one sentence for people. */
    default void onWorkerError(WorkerError error) {
    }

    /**
     * A model stopped the worker twice in a row and is no longer loaded automatically; offer
     * {@link WorkerService#clearQuarantine(String)} to try it again.
     *
     * @param model the model's path as requests named it
     * @param cause how the worker ended the last time, as in "aborted, signal 6"
     */
    default void onQuarantined(String model, String cause) {
    }
}
