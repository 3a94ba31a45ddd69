package app.hearth.bench;

import app.hearth.workerclient.WorkerLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Item 5 of issue 8: what the chat view absorbs. A {@link FastTokenWorker} streams through
 * the real WorkerService, batching executor, ChatViewModel and ChatView (headless); pulses are
 * timed with the scene's pre- and post-layout pulse listeners on the FX thread.
 */
final class WindowBenchmark {

    private static final double FRAME_MS = 16.0;

    private final int rounds;
    private final int tokens;
    private final Series absorbed = new Series();
    private final Series pulseP99 = new Series();
    private final Series pulseMax = new Series();
    private final Series gapMax = new Series();
    private final Series slowPulses = new Series();

    WindowBenchmark(int rounds, int tokens) {
        this.rounds = rounds;
        this.tokens = tokens;
    }

    void run() throws Exception {
        WorkerLauncher stand = WorkerLauncher.javaMain(FastTokenWorker.class.getName(),
                List.of("-Xmx64m", "-XX:+UseSerialGC"));
        try (ChatViewClient chat = new ChatViewClient(stand, tokens)) {
            PulseLog pulses = Fx.call(() -> new PulseLog(chat.stage().getScene()));
            Path model = Path.of("stand-in.gguf").toAbsolutePath();
            chat.generate(model, "Warm up");
            for (int round = 0; round < rounds; round++) {
                Fx.run(pulses::reset);
                Generated reply = chat.generate(model, "Go " + round);
                List<double[]> seen = Fx.call(pulses::snapshot);
                record(reply, seen);
            }
        }
    }

    Series absorbed() {
        return absorbed;
    }

    Series pulseMax() {
        return pulseMax;
    }

    int tokens() {
        return tokens;
    }

    void report(Report report) {
        report.heading(String.format(java.util.Locale.ROOT,
                "5. The window's absorption, %,d-token replies", tokens))
                .paragraph("A stand-in worker (FastTokenWorker, test sources) streams %,d "
                        + "one-word tokens per reply through the real protocol as fast as its "
                        + "pipe takes them, into the real WorkerService, FxBatchingExecutor, "
                        + "ChatViewModel and ChatView (Monocle headless, software rendering). "
                        + "Absorbed: tokens appended to the message on the FX thread per "
                        + "second, first to last. Pulse: the scene's CSS and layout pass "
                        + "(pre- to post-layout listener); gap: between two pulses' starts. "
                        + "%d rounds.", tokens, rounds)
                .table(List.of("absorbed tok/s", "pulse p99 (ms)", "pulse max (ms)",
                        "pulses over 16 ms", "largest gap between pulses (ms)"),
                        List.of(List.of(absorbed.format(0), pulseP99.format(1),
                                pulseMax.format(1), slowPulses.format(0), gapMax.format(1))));
    }

    private void record(Generated reply, List<double[]> seen) {
        absorbed.add(reply.tokensPerSecond());
        List<Double> durations = new ArrayList<>();
        double largestGap = 0;
        int slow = 0;
        for (int i = 0; i < seen.size(); i++) {
            durations.add(seen.get(i)[1]);
            slow += seen.get(i)[1] > FRAME_MS ? 1 : 0;
            if (i > 0) {
                largestGap = Math.max(largestGap, seen.get(i)[0] - seen.get(i - 1)[0]);
            }
        }
        durations.sort(null);
        pulseP99.add(durations.isEmpty() ? Double.NaN
                : durations.get((int) Math.floor(0.99 * (durations.size() - 1))));
        pulseMax.add(durations.isEmpty() ? Double.NaN : durations.get(durations.size() - 1));
        gapMax.add(largestGap);
        slowPulses.add(slow);
        System.out.printf(java.util.Locale.ROOT, "  window: %.0f tok/s, %d pulses, max %.1f ms,"
                + " gap %.1f ms%n", reply.tokensPerSecond(), seen.size(),
                pulseMax.max(), largestGap);
    }
}
