package app.hearth.ui;

import javafx.application.Platform;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks on the JavaFX thread, in order, with at most one {@code Platform.runLater}
 * pending: tasks that arrive while one is pending join its batch. A model streaming hundreds
 * of tokens a second thus costs one FX event per pulse, not one per token. Thread-safe.
 */
public final class FxBatchingExecutor implements Executor {

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
        }
    }
}
