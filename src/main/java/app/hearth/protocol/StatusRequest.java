package app.hearth.protocol;

/** Asks for a {@link StatusEvent}; also serves as the UI's liveness probe. */
public record StatusRequest(String id) implements Request {
}
