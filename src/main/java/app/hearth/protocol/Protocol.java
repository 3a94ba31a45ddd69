package app.hearth.protocol;

/**
 * Constants of the line protocol spoken between the UI process and the worker process.
 *
 * <p>One JSON object per line, UTF-8, requests on the worker's stdin and events on its stdout.
 * Every object carries a {@code type}; requests carry an {@code id} that their events repeat.
 */
public final class Protocol {

    /**
     * Version announced in {@link HelloEvent}; a client refuses a worker of another version.
     * 2 added {@link TokenizeRequest} and {@link TokenizedEvent}.
     */
    public static final int VERSION = 2;

    /** Longest line either side accepts, in characters; longer lines are skipped as junk. */
    public static final int MAX_LINE_CHARS = 8 * 1024 * 1024;

    private Protocol() {
    }
}
