package app.hearth.workerclient;

/** Where the worker process stands, as the UI shows it. */
public enum WorkerState {
    /** No worker runs; the next request starts one. */
    STOPPED,
    /** A worker is starting and has not said hello yet. */
    STARTING,
    /** A worker is serving requests. */
    READY,
    /** The worker is being replaced to give memory back; requests wait for its successor. */
    RECLAIMING,
    /** The last worker died or could not start; the next request tries again. */
    FAILED
}
