package app.hearth.gguf;

import java.util.Objects;

/**
 * Says why a file could not be read as a GGUF model.
 *
 * <p>The message is one sentence meant for people: it names the file and what is wrong with it.
 * The {@link Reason} lets code react without parsing the message.
 */
public final class GgufException extends Exception {

    /** What kind of problem stopped the reader. */
    public enum Reason {
        /** The file is empty or does not start with the GGUF magic. */
        NOT_GGUF,
        /** A GGUF version other than 2 or 3, or a big-endian file. */
        UNSUPPORTED_VERSION,
        /** The file ends before everything its header and tensor index describe. */
        TRUNCATED,
        /** A value that no real model has: a count, length, type, offset or size. */
        CORRUPT,
        /** The path names a directory or another thing that is not a regular file. */
        NOT_A_FILE,
        /** Nothing exists at the path. */
        NOT_FOUND,
        /** The operating system refused or failed to read the file. */
        UNREADABLE
    }

    private final Reason reason;

    /**
     * Creates an exception.
     *
     * @param reason never {@code null}
     * @param message one sentence for people, naming the file
     * @param cause the underlying failure, or {@code null}
     */
    public GgufException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the file could not be read; never {@code null}. */
    public Reason reason() {
        return reason;
    }
}
