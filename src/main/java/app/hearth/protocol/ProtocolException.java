package app.hearth.protocol;

/** A line that is not a well-formed protocol message. */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String requestId;

    /** Creates an exception whose message says what is wrong with the line. */
    public ProtocolException(String message) {
        this(message, null);
    }

    /**
     * @param message   what is wrong with the line
     * @param requestId the id the line carried, if it could be read, else null
     */
    public ProtocolException(String message, String requestId) {
        super(message);
        this.requestId = requestId;
    }

    /** The id of the request the line meant to be, so its sender can match the error. */
    public String requestId() {
        return requestId;
    }
}
