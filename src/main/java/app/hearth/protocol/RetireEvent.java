package app.hearth.protocol;

/**
 * The worker holds memory it cannot give back (freed models, see DESIGN.md §3) and asks to be
 * replaced by a fresh worker once no request is in flight. The successor should reload the
 * models of the last {@link ModelsEvent}, pins included.
 *
 * @param heldBytes memory the worker holds for models it no longer has, in bytes
 */
public record RetireEvent(long heldBytes) implements Event {
}
