package app.hearth.ui;

import javafx.application.Platform;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks on the JavaFX thread, in order, with at most one {@code Platform.runLater}
 * pending: tasks that arrive while one is pending join its batch. A model streaming hundreds
 * of tokens a second thus costs one FX event per pulse, not one per token. A batch runs for
 * at most {@value #BATCH_NANOS} ns and leaves the rest to the next event, so a stream that
 * never pauses cannot keep the FX thread from its pulses. Thread-safe.
 */
public final class FxBatchingExecutor implements Executor {

    /** Time one batch may take on the FX thread: half a 60 Hz frame. */
    static final long BATCH_NANOS = 8_000_000;

    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean scheduled;

    @Override
    public void execute(Runnable task) {
        synchronized (queue) {
            queue.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        Platform.runLater(this::drain);
    }

    private void drain() {
        long deadline = System.nanoTime() + BATCH_NANOS;
        while (true) {
            Runnable task;
            synchronized (queue) {
                task = queue.poll();
                if (task == null) {
                    scheduled = false;
                    return;
                }
            }
            task.run();
            if (System.nanoTime() > deadline) {
                // Still scheduled: the rest runs in a later event, after the pulse.
                Platform.runLater(this::drain);
                return;
            }
        }
    }
}
