package app.hearth.workerclient;

import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ErrorEvent;
import app.hearth.protocol.Event;
import app.hearth.protocol.LoadedEvent;
import app.hearth.protocol.ModelsEvent;
import app.hearth.protocol.StatusEvent;
import app.hearth.protocol.TokenEvent;
import app.hearth.protocol.TokenizedEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Decides when the running worker has hung: a status request unanswered, open requests without
 * progress while no model loads, or a Stop the worker did not honour in time. It only judges;
 * the {@link WorkerService} sends the probes and replaces the worker.
 *
 * <p>Not thread-safe: every method runs on the service thread.
 */
final class Watchdog {

    private final WorkerLimits limits;
    private final LongSupplier clockMs;
    private final Map<String, Long> lastProgressMs = new HashMap<>();
    private final Map<String, Long> cancelledAtMs = new HashMap<>();
    private String statusId;
    private long statusSentMs;
    private long lastStatusMs;
    private boolean loading;
    /** When the worker last showed progress, or the first of the requests now open was sent. */
    private long lastActivityMs;

    Watchdog(WorkerLimits limits, LongSupplier clockMs) {
        this.limits = limits;
        this.clockMs = clockMs;
    }

    /** A new worker said hello: nothing is outstanding. */
    void started() {
        lastProgressMs.clear();
        cancelledAtMs.clear();
        statusId = null;
        lastStatusMs = clockMs.getAsLong();
        lastActivityMs = lastStatusMs;
        loading = false;
    }

    /** A request that expects events was sent. */
    void sent(String id) {
        long now = clockMs.getAsLong();
        if (lastProgressMs.isEmpty()) {
            lastActivityMs = now;
        }
        lastProgressMs.put(id, now);
    }

    /** The user stopped request {@code id}; its end must now come within the cancel limit. */
    void cancelled(String id) {
        if (lastProgressMs.containsKey(id)) {
            cancelledAtMs.putIfAbsent(id, clockMs.getAsLong());
        }
    }

    /** Notes what an event proves: progress on a request, an answered probe, a loading model. */
    void observe(Event event) {
        long now = clockMs.getAsLong();
        if (event instanceof TokenEvent token) {
            progressed(token.id(), now);
        } else if (event instanceof LoadedEvent loaded) {
            progressed(loaded.id(), now);
        } else if (event instanceof DoneEvent done) {
            progressed(done.id(), now);
            ended(done.id());
        } else if (event instanceof TokenizedEvent tokenized) {
            progressed(tokenized.id(), now);
            ended(tokenized.id());
        } else if (event instanceof ErrorEvent error && error.id() != null) {
            progressed(error.id(), now);
            ended(error.id());
        } else if (event instanceof StatusEvent status && status.id() != null
                && status.id().equals(statusId)) {
            statusId = null;
            lastStatusMs = now;
        } else if (event instanceof ModelsEvent models && models.models() != null) {
            loading = models.models().stream()
                    .anyMatch(model -> model != null && "loading".equals(model.state()));
        }
    }

    private void progressed(String id, long now) {
        if (lastProgressMs.computeIfPresent(id, (key, then) -> now) != null) {
            lastActivityMs = now;
        }
    }

    /** The request ended, however. */
    void ended(String id) {
        lastProgressMs.remove(id);
        cancelledAtMs.remove(id);
    }

    /** Whether it is time to send a status request. */
    boolean statusDue() {
        return statusId == null
                && clockMs.getAsLong() - lastStatusMs >= limits.statusInterval().toMillis();
    }

    /** A status request with this id was sent. */
    void statusSent(String id) {
        statusId = id;
        statusSentMs = clockMs.getAsLong();
    }

    /** Why the worker counts as hung, as the end of a sentence, or null while it is fine. */
    String hungReason() {
        long now = clockMs.getAsLong();
        if (statusId != null && now - statusSentMs > limits.statusTimeout().toMillis()) {
            return "did not answer for " + seconds(now - statusSentMs);
        }
        for (Map.Entry<String, Long> cancel : cancelledAtMs.entrySet()) {
            if (now - cancel.getValue() > limits.cancelTimeout().toMillis()) {
                return "did not stop within " + seconds(now - cancel.getValue()) + " of Stop";
            }
        }
        if (loading) {
            // A load may take minutes from a slow disk; it is not a lack of progress.
            lastProgressMs.replaceAll((id, then) -> now);
            lastActivityMs = now;
            return null;
        }
        // Judged on the worker's latest progress on any request: a request may wait its turn
        // behind a long reply (for memory, or for a thread) without the worker being stuck,
        // and a stuck engine stalls every request at once.
        if (!lastProgressMs.isEmpty()
                && now - lastActivityMs > limits.progressTimeout().toMillis()) {
            return "made no progress for " + seconds(now - lastActivityMs);
        }
        return null;
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
