package app.hearth.bench;

import app.hearth.protocol.DoneEvent;
import app.hearth.workerclient.GenerationListener;
import app.hearth.workerclient.WorkerError;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Timestamps one reply's tokens where the listener is called. */
final class TimedListener implements GenerationListener {

    private final CountDownLatch end = new CountDownLatch(1);
    private final CountDownLatch firstTokens;
    private volatile long first;
    private volatile long last;
    private volatile int tokens;
    private volatile long endedAt;
    private volatile DoneEvent done;
    private volatile WorkerError error;

    /** @param tokensToAwait how many tokens {@link #awaitTokens} waits for */
    TimedListener(int tokensToAwait) {
        this.firstTokens = new CountDownLatch(tokensToAwait);
    }

    @Override
    public void onToken(String text) {
        last = System.nanoTime();
        if (tokens == 0) {
            first = last;
        }
        tokens++;
        firstTokens.countDown();
    }

    @Override
    public void onDone(DoneEvent event) {
        done = event;
        endedAt = System.nanoTime();
        end.countDown();
    }

    @Override
    public void onError(WorkerError workerError) {
        error = workerError;
        endedAt = System.nanoTime();
        end.countDown();
    }

    void awaitTokens(long timeoutSeconds) throws InterruptedException {
        if (!firstTokens.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("No tokens within " + timeoutSeconds + " s");
        }
    }

    /** Waits for the end of the reply and returns its timing from {@code startNanos}. */
    Generated await(long startNanos, long timeoutSeconds) throws InterruptedException {
        awaitEnd(timeoutSeconds);
        return Generated.of(startNanos, first, last, tokens);
    }

    void awaitEnd(long timeoutSeconds) throws InterruptedException {
        if (!end.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The reply did not end within " + timeoutSeconds
                    + " s");
        }
        if (error != null) {
            throw new IllegalStateException("The worker failed: " + error);
        }
    }

    /** When the done or error event arrived, in nanoseconds. */
    long endedAt() {
        return endedAt;
    }

    long firstTokenAt() {
        return first;
    }

    int tokens() {
        return tokens;
    }

    /** The worker's own summary of the reply. */
    DoneEvent done() {
        return done;
    }
}
