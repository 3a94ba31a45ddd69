package app.hearth.ui.memory;

import app.hearth.memory.ByteSize;

import java.util.Locale;

/**
 * One cached model as the memory panel shows it. Immutable; replaced when the worker reports
 * a change.
 *
 * @param model          absolute path of the GGUF file
 * @param status         {@code loading}, {@code ready} or {@code generating}
 * @param idleSinceMs    clock time the model was last used, in ms
 * @param estimatedBytes expected memory, in bytes
 * @param measuredBytes  measured memory, in bytes; 0 if unknown
 */
public record ModelRow(String model, String status, boolean pinned, long idleSinceMs,
        long estimatedBytes, long measuredBytes) {

    /** Below this a model is shown as ready rather than idle, in ms. */
    static final long READY_MS = 5_000;

    String name() {
        int slash = Math.max(model.lastIndexOf('/'), model.lastIndexOf('\\'));
        return model.substring(slash + 1);
    }

    boolean loading() {
        return "loading".equals(status);
    }

    boolean generating() {
        return "generating".equals(status);
    }

    /** For example {@code idle for 3 min · pinned}, as of {@code nowMs}. */
    String stateText(long nowMs) {
        String state = loading() ? "loading" : generating() ? "generating"
                : idleText(Math.max(0, nowMs - idleSinceMs));
        return pinned ? state + " · pinned" : state;
    }

    /** For example {@code 255 MiB estimated · 258 MiB measured}. */
    String memoryText() {
        String estimated = ByteSize.format(estimatedBytes) + " estimated";
        return measuredBytes > 0
                ? estimated + " · " + ByteSize.format(measuredBytes) + " measured"
                : estimated;
    }

    private static String idleText(long idleMs) {
        if (idleMs < READY_MS) {
            return "ready";
        }
        long seconds = idleMs / 1000;
        if (seconds < 60) {
            return "idle for " + seconds + " s";
        }
        if (seconds < 3600) {
            return "idle for " + seconds / 60 + " min";
        }
        return String.format(Locale.ROOT, "idle for %.1f h", seconds / 3600.0);
    }
}
