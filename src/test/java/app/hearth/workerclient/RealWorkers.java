package app.hearth.workerclient;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Services over the real worker, and signals to send it. */
final class RealWorkers {

    /** Hang limits short enough for tests and far above the real worker's answers. */
    static final WorkerLimits LIMITS = WorkerLimits.DEFAULT
            .withStatusInterval(Duration.ofMillis(500))
            .withHangLimits(Duration.ofSeconds(3), Duration.ofSeconds(60), Duration.ofSeconds(5));

    private RealWorkers() {
    }

    static WorkerService service(WorkerLimits limits) {
        WorkerLauncher launcher = WorkerLauncher.javaMain(WorkerLauncher.WORKER_MAIN,
                WorkerLauncher.workerJvmOptions(null));
        return new WorkerService(launcher, Runnable::run, limits);
    }

    /** Sends a signal by name (KILL, ABRT, STOP) with the system's kill command. */
    static void signal(long pid, String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                .redirectErrorStream(true).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS), "kill -" + name + " did not return");
        assertEquals(0, kill.exitValue(), "kill -" + name + " " + pid + " failed");
    }

    /** Waits until the process has ended; fails naming the pid. */
    static void awaitGone(long pid, Duration limit) {
        ProcessHandle.of(pid).ifPresent(handle -> {
            try {
                handle.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new AssertionError("Process " + pid + " still runs after " + limit, e);
            }
        });
    }
}
