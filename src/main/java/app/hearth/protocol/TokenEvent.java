package app.hearth.protocol;

/**
 * Generated text of request {@code id}: one token or several coalesced ones. The text never
 * ends inside a UTF-8 character.
 */
public record TokenEvent(String id, String text) implements Event {
}
