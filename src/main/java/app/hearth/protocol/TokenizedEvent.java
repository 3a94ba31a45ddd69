package app.hearth.protocol;

/**
 * The answer to a {@link TokenizeRequest}.
 *
 * @param tokens the text's length in tokens, counted as {@link DoneEvent#promptTokens()} is
 */
public record TokenizedEvent(String id, int tokens) implements Event {
}
