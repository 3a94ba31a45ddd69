package app.hearth.protocol;

/**
 * A message from the UI process to the worker. Each request carries an id, unique per
 * connection, that the events answering it repeat.
 */
public sealed interface Request
        permits LoadRequest, UnloadRequest, GenerateRequest, CancelRequest, StatusRequest,
        ConfigureRequest, ShutdownRequest, PinRequest, TokenizeRequest {

    /** The request id; never null. */
    String id();
}
