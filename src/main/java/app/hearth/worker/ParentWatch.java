package app.hearth.worker;

import org.tinylog.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends the worker when the process that started it is gone.
 *
 * <p>The worker's main way out is end-of-file on stdin, which arrives when the UI exits,
 * crashes or is killed. This is the second way, for the cases where stdin stays open without
 * the UI (a descendant holding the pipe) or the request loop is stuck in the engine: no worker
 * may outlive its UI and keep gigabytes of model resident.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    /**
     * Starts watching; if the parent ends, the worker exits after {@code graceMs}, which
     * leaves the ordinary end-of-input path time to finish first.
     */
    static void start(long graceMs) {
        ProcessHandle.current().parent().ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> exitSoon(parent.pid(), graceMs)),
                () -> Logger.warn("The worker has no parent process to watch"));
    }

    private static void exitSoon(long parentPid, long graceMs) {
        Logger.warn("The UI process {} is gone; the worker exits", parentPid);
        CompletableFuture.delayedExecutor(graceMs, TimeUnit.MILLISECONDS)
                .execute(() -> Runtime.getRuntime().halt(0));
    }
}
