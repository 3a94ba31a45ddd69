package app.hearth.protocol;

/** A message from the worker to the UI process. */
public sealed interface Event
        permits HelloEvent, TokenEvent, DoneEvent, ErrorEvent, LoadedEvent, UnloadedEvent,
        ModelsEvent, MemoryEvent, StatusEvent, RetireEvent, TokenizedEvent {
}
