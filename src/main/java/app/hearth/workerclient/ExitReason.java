package app.hearth.workerclient;

import java.util.concurrent.TimeUnit;

/** Turns a worker's exit status into words for people. Stateless. */
final class ExitReason {

    /** The exit code of a JVM started with {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY = 3;

    private ExitReason() {
    }

    /**
     * A short phrase such as "aborted, signal 6", or "still running" when the process has
     * not ended (it was hung and is being killed).
     */
    static String of(Process process) {
        if (!awaitExit(process)) {
            return "still running";
        }
        int code = process.exitValue();
        if (code == OUT_OF_MEMORY) {
            return "out of memory";
        }
        if (code <= 128 || code > 128 + 64) {
            return "exit code " + code;
        }
        int signal = code - 128;
        return switch (signal) {
            case 6 -> "aborted, signal 6";
            case 7 -> "crashed, signal 7; a model file may have changed while in use";
            case 9 -> "killed, signal 9, by another program or by the system when "
                    + "memory ran short";
            case 11 -> "crashed, signal 11";
            default -> "ended by signal " + signal;
        };
    }

    /** Its pipes close a moment before the process is reaped; waits up to two seconds. */
    private static boolean awaitExit(Process process) {
        try {
            return process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
