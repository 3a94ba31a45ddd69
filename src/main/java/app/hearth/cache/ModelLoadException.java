package app.hearth.cache;

/** A model that could not be loaded, with a stable code and a sentence for people. */
public final class ModelLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code    one of the protocol's error codes
     * @param message one plain sentence: what happened and what to do
     */
    public ModelLoadException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The stable error code. */
    public String code() {
        return code;
    }
}
