package app.hearth.bench;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The layout pulses of one scene: when each began and how long its CSS and layout pass took
 * (pre- to post-layout listener), and the end of the next pulse on request. FX thread only.
 */
final class PulseLog {

    private final List<double[]> seen = new ArrayList<>();
    private long pulseStart;
    private CompletableFuture<Long> next;

    PulseLog(Scene scene) {
        scene.addPreLayoutPulseListener(() -> pulseStart = System.nanoTime());
        scene.addPostLayoutPulseListener(this::ended);
    }

    Void reset() {
        seen.clear();
        return null;
    }

    /** Pulse start times and layout durations in ms, in order. */
    List<double[]> snapshot() {
        return List.copyOf(seen);
    }

    /** Completes with the nanoTime at which the next pulse's layout pass ends. */
    CompletableFuture<Long> nextPulseEnd() {
        next = new CompletableFuture<>();
        Platform.requestNextPulse();
        return next;
    }

    private void ended() {
        long now = System.nanoTime();
        seen.add(new double[] {pulseStart / 1e6, (now - pulseStart) / 1e6});
        if (next != null) {
            CompletableFuture<Long> waiting = next;
            next = null;
            waiting.complete(now);
        }
    }
}
