package app.hearth.workerclient;

import app.hearth.protocol.DoneEvent;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Collects one generation's events for a test; thread-safe. */
final class Reply implements GenerationListener {

    private final StringBuffer text = new StringBuffer();
    private final CountDownLatch firstTokenOrEnd = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile DoneEvent done;
    private volatile WorkerError error;
    private volatile long endedAtNs;
    private volatile long firstTokenAtNs;

    @Override
    public void onToken(String more) {
        text.append(more);
        if (firstTokenAtNs == 0) {
            firstTokenAtNs = System.nanoTime();
        }
        firstTokenOrEnd.countDown();
    }

    @Override
    public void onDone(DoneEvent event) {
        done = event;
        endedAtNs = System.nanoTime();
        ended.countDown();
        firstTokenOrEnd.countDown();
    }

    @Override
    public void onError(WorkerError failure) {
        error = failure;
        endedAtNs = System.nanoTime();
        ended.countDown();
        firstTokenOrEnd.countDown();
    }

    /** Waits for the first token; fails the test with what was awaited. */
    Reply awaitFirstToken(Duration limit) throws InterruptedException {
        if (!firstTokenOrEnd.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("No first token within " + limit);
        }
        if (firstTokenAtNs == 0) {
            fail("The reply ended before its first token: " + (error != null ? error : done));
        }
        return this;
    }

    /** Waits for done or error; fails the test with what was awaited. */
    Reply awaitEnd(Duration limit) throws InterruptedException {
        if (!ended.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("The reply did not end within " + limit + "; text so far: " + text);
        }
        return this;
    }

    /** Waits for a normal end and returns the text. */
    String awaitText(Duration limit) throws InterruptedException {
        awaitEnd(limit);
        assertTrue(done != null, () -> "Expected the reply to finish, got " + error);
        return text.toString();
    }

    String text() {
        return text.toString();
    }

    DoneEvent done() {
        return done;
    }

    WorkerError error() {
        return error;
    }

    long endedAtNs() {
        return endedAtNs;
    }

    long firstTokenAtNs() {
        return firstTokenAtNs;
    }
}
