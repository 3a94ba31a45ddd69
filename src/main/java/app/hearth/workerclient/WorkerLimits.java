package app.hearth.workerclient;

import java.time.Duration;

/**
 * How long the {@link WorkerService} waits for a worker before it gives up on it. Immutable.
 *
 * @param handshake      from start to the worker's hello; a slow first start of the JVM and
 *                       the native library must fit
 * @param statusInterval how often a running worker is asked for its status, as a liveness
 *                       probe
 * @param statusTimeout  how long a status request may go unanswered before the worker counts
 *                       as hung; the worker answers it on its reading thread within
 *                       milliseconds, even while it generates
 * @param progressTimeout how long a request may go without any event for it while no model is
 *                       loading; prompt processing of a long prompt on a large model must fit
 * @param cancelTimeout  how long after Stop the worker may take to end the reply; it finishes
 *                       the current token first, and a prompt still being processed
 * @param exitTimeout    how long a worker asked to exit may take before it is killed
 */
public record WorkerLimits(Duration handshake, Duration statusInterval, Duration statusTimeout,
        Duration progressTimeout, Duration cancelTimeout, Duration exitTimeout) {

    /** The limits of the app. */
    public static final WorkerLimits DEFAULT = new WorkerLimits(Duration.ofSeconds(30),
            Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(300),
            Duration.ofSeconds(5), Duration.ofSeconds(5));

    /** A copy with other hang limits, for tests and for people with very slow machines. */
    public WorkerLimits withHangLimits(Duration status, Duration progress, Duration cancel) {
        return new WorkerLimits(handshake, statusInterval, status, progress, cancel,
                exitTimeout);
    }

    /** A copy with another handshake limit. */
    public WorkerLimits withHandshake(Duration limit) {
        return new WorkerLimits(limit, statusInterval, statusTimeout, progressTimeout,
                cancelTimeout, exitTimeout);
    }

    /** A copy with another status interval. */
    public WorkerLimits withStatusInterval(Duration interval) {
        return new WorkerLimits(handshake, interval, statusTimeout, progressTimeout,
                cancelTimeout, exitTimeout);
    }

    /** How often the watchdog looks, in ms: often enough to act within a quarter limit. */
    long tickMs() {
        long shortest = Math.min(statusInterval.toMillis(), Math.min(statusTimeout.toMillis(),
                Math.min(progressTimeout.toMillis(), cancelTimeout.toMillis())));
        return Math.max(20, Math.min(500, shortest / 4));
    }
}
