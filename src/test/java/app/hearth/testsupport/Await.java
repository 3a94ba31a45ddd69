package app.hearth.testsupport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waits with a bound, failing with a message that names what was awaited. */
public final class Await {

    /** Generous enough for a loaded 2-core machine. */
    public static final Duration DEFAULT = Duration.ofSeconds(60);

    private Await() {
    }

    public static void latch(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(DEFAULT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Timed out after " + DEFAULT.toSeconds() + " s waiting for "
                    + what);
        }
    }

    public static <T> T future(CompletableFuture<T> future, String what) throws Exception {
        try {
            return future.get(DEFAULT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + DEFAULT.toSeconds() + " s waiting for "
                    + what);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Polls a condition that no event announces (for example, a process exit). */
    public static void condition(BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds()
                        + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
