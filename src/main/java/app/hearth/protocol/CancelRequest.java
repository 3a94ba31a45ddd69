package app.hearth.protocol;

/**
 * Stops the generation started by request {@code target}; the generation then ends with a
 * {@link DoneEvent} whose stop reason is {@code cancelled}. Unknown targets are ignored.
 */
public record CancelRequest(String id, String target) implements Request {
}
