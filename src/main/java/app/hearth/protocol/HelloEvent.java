package app.hearth.protocol;

/**
 * The first event of every worker.
 *
 * @param protocol the worker's {@link Protocol#VERSION}
 * @param pid      the worker's process id
 * @param threads  decoding threads the worker uses by default
 */
public record HelloEvent(int protocol, long pid, int threads) implements Event {
}
