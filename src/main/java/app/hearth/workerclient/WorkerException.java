package app.hearth.workerclient;

/** A request the worker could not serve, with a stable code and a sentence for people. */
public final class WorkerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code    one of {@link app.hearth.protocol.ErrorCode}'s codes
     * @param message one plain sentence for people
     */
    public WorkerException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The stable error code. */
    public String code() {
        return code;
    }
}
