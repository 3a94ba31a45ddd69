package app.hearth.chat;

/** How a message ended. User messages are always {@link #COMPLETE}. */
public enum MessageStatus {
    /** Still arriving; never saved as such (a reply in flight is saved as INTERRUPTED). */
    STREAMING,
    /** The model finished by itself or reached the token limit. */
    COMPLETE,
    /** The person stopped it; the text so far stays. */
    STOPPED,
    /** The worker died or the app closed while it streamed. */
    INTERRUPTED,
    /** The request failed before or while generating. */
    FAILED
}
