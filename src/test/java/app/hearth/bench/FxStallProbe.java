package app.hearth.bench;

import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How long work posted to the FX thread waits before it runs, as a key press or a click
 * would: a thread of its own posts a probe every few milliseconds and times it. The longest
 * wait is the longest freeze a person would feel.
 */
final class FxStallProbe implements AutoCloseable {

    private static final long PERIOD_MS = 5;

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long longestNanos;

    FxStallProbe() {
        thread = new Thread(this::probe, "fx-stall-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a new measurement: the longest wait from now on. */
    void reset() {
        longestNanos = 0;
    }

    /** The longest wait since the last reset, in ms. */
    double longestMs() {
        return longestNanos / 1e6;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(Fx.TIMEOUT_SECONDS));
    }

    private void probe() {
        try {
            while (running) {
                CountDownLatch ran = new CountDownLatch(1);
                long posted = System.nanoTime();
                Platform.runLater(ran::countDown);
                if (!ran.await(Fx.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The FX thread did not run a probe within "
                            + Fx.TIMEOUT_SECONDS + " s");
                }
                longestNanos = Math.max(longestNanos, System.nanoTime() - posted);
                Thread.sleep(PERIOD_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
