package app.hearth.protocol;

/** A line that is not a well-formed protocol message. */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message says what is wrong with the line. */
    public ProtocolException(String message) {
        super(message);
    }
}
