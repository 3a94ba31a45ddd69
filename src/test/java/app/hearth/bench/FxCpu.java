package app.hearth.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time the FX thread has used. Unlike wall-clock time it does not grow while the
 * thread waits for a core, so it compares runs on a machine shared with other work.
 */
final class FxCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long fxThread;

    /** Call after {@link Fx#start()}. */
    FxCpu() throws Exception {
        if (!threads.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("This JVM cannot measure a thread's CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
        fxThread = Fx.call(() -> Thread.currentThread().getId());
    }

    /** The FX thread's CPU time so far, in ms. */
    double usedMs() {
        return threads.getThreadCpuTime(fxThread) / 1e6;
    }
}
