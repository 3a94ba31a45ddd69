package app.hearth.protocol;

/**
 * A failed request, or a worker-wide problem when {@code id} is null.
 *
 * @param code    a stable machine-readable code, see {@link ErrorCode}
 * @param message one plain sentence for people
 */
public record ErrorEvent(String id, String code, String message) implements Event {
}
