package app.hearth.protocol;

/** Asks the worker to cancel what it is doing and exit. */
public record ShutdownRequest(String id) implements Request {
}
