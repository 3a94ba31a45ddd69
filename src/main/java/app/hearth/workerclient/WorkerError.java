package app.hearth.workerclient;

/**
 * A failed request as clients see it.
 *
 * @param code    a stable code from {@link app.hearth.protocol.ErrorCode}
 * @param message one plain sentence for people
 */
public record WorkerError(String code, String message) {
}
