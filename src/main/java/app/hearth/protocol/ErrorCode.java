package app.hearth.protocol;

/** Stable error codes carried by {@link ErrorEvent}. */
public final class ErrorCode {

    public static final String BAD_REQUEST = "bad_request";
    public static final String MODEL_NOT_FOUND = "model_not_found";
    public static final String MODEL_INVALID = "model_invalid";
    public static final String MODEL_LOAD_FAILED = "model_load_failed";
    public static final String MODEL_TOO_LARGE = "model_too_large";
    public static final String MODEL_CHANGED = "model_changed";
    public static final String PROMPT_TOO_LONG = "prompt_too_long";
    public static final String GENERATION_FAILED = "generation_failed";
    public static final String WORKER_CRASHED = "worker_crashed";
    public static final String WORKER_HUNG = "worker_hung";
    public static final String WORKER_START_FAILED = "worker_start_failed";
    public static final String INTERNAL = "internal";
    /**
     * The worker cannot load the model without first giving memory back: the client sends the
     * same request again to the worker's successor (see {@link RetireEvent}).
     */
    public static final String RETRY_AFTER_RECLAIM = "retry_after_reclaim";

    private ErrorCode() {
    }
}
