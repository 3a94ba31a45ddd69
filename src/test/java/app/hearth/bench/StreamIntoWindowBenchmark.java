package app.hearth.bench;

import app.hearth.chat.Conversation;
import app.hearth.protocol.Sampling;
import app.hearth.ui.FxBatchingExecutor;
import app.hearth.ui.chat.ChatMessage;
import app.hearth.ui.chat.ChatViewModel;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerService;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real model's reply streaming into the chat window, as the new-user trial saw it:
 * llama-2-tiny-random through the real worker (about 500 tokens/s of mixed-script gibberish)
 * into an empty conversation and into a long one of the same text. Timed on the FX thread:
 * from send() to the first token in the message and to the end of the layout pass that shows
 * it; every layout pass while the reply streams; the longest an event waited for the FX
 * thread (what Esc or a click would wait).
 */
final class StreamIntoWindowBenchmark {

    private final int rounds;
    private final int tokens;
    private final List<Variant> variants = new ArrayList<>();

    StreamIntoWindowBenchmark(int rounds, int tokens) {
        this.rounds = rounds;
        this.tokens = tokens;
    }

    void run(Path model, Conversation history) throws Exception {
        Fx.start();
        variants.add(new Variant("empty conversation", null));
        variants.add(new Variant(String.format(Locale.ROOT, "after %,d chars of history",
                GibberishTranscripts.length(history)), history));
        ExecutorService disk = Executors.newSingleThreadExecutor(
                task -> new Thread(task, "bench-disk"));
        Sampling sampling = Sampling.DEFAULT.withTemperature(1.0f).withMaxTokens(tokens)
                .withSeed(7);
        WorkerService service = new WorkerService(WorkerLauncher.forThisInstallation(null),
                new FxBatchingExecutor());
        try (FxStallProbe probe = new FxStallProbe()) {
            FxCpu cpu = new FxCpu();
            ChatViewModel chat = Fx.call(() -> new ChatViewModel(service, disk,
                    BenchModels.sharedFolder(), sampling));
            Stage stage = Fx.call(() -> Fx.chatWindow(chat));
            PulseLog pulses = Fx.call(() -> new PulseLog(stage.getScene()));
            reply(chat, model, null, pulses, probe, cpu);
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < variants.size(); i++) {
                    Variant variant = variants.get((i + round) % variants.size());
                    variant.add(reply(chat, model, variant.history, pulses, probe, cpu));
                }
            }
            Fx.run(stage::close);
        } finally {
            service.close();
            disk.shutdownNow();
            disk.awaitTermination(Fx.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    void report(Report report) {
        List<List<String>> table = new ArrayList<>();
        for (Variant variant : variants) {
            table.add(List.of(variant.name, variant.firstToken.format(0),
                    variant.visible.format(0), variant.pulseP99.format(1),
                    variant.pulseMax.format(1), variant.busy.format(0),
                    variant.frozen.format(0)));
        }
        report.heading("5c. A real model streaming mixed-script text into the window")
                .paragraph("llama-2-tiny-random through the real worker, temperature 1, seed 7, "
                        + "%,d tokens per reply, into the chat window at the app's first size "
                        + "with its stylesheets (Monocle headless, software rendering). First "
                        + "token: from ChatViewModel.send() to the first text in the reply's "
                        + "message; visible: to the end of the layout pass after it. Pulse: "
                        + "the scene's CSS and layout pass while the reply streams. FX CPU: "
                        + "the CPU time the FX thread used for the whole reply, which a loaded "
                        + "machine does not inflate. Frozen: "
                        + "the longest an event posted to the FX thread waited during the "
                        + "reply. %d rounds, in rotated order.", tokens, rounds)
                .table(List.of("into", "first token (ms)", "visible (ms)", "pulse p99 (ms)",
                        "pulse max (ms)", "FX CPU per reply (ms)", "frozen (ms)"), table);
    }


    private Streamed reply(ChatViewModel chat, Path model, Conversation history,
            PulseLog pulses, FxStallProbe probe, FxCpu cpu) throws Exception {
        Watch watch = Fx.call(() -> {
            chat.conversations().create();
            if (history != null) {
                chat.conversations().open(history);
            }
            chat.selectedModelProperty().set(model);
            chat.inputProperty().set("Tell me another story.");
            return new Watch(pulses);
        });
        // Opening the history is not what is timed here.
        Fx.call(pulses::nextPulseEnd).get(Fx.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Thread.sleep(500);
        double cpuBefore = cpu.usedMs();
        Fx.run(() -> {
            pulses.reset();
            probe.reset();
            watch.send(chat);
        });
        Streamed streamed = watch.await(probe, cpu, cpuBefore);
        List<double[]> seen = Fx.call(pulses::snapshot);
        System.out.printf(Locale.ROOT, "  stream: first token %.0f ms, visible %.0f ms, "
                + "%d pulses, FX CPU %.0f ms, frozen %.0f ms%n", streamed.firstTokenMs,
                streamed.visibleMs, seen.size(), streamed.busyMs, streamed.frozenMs);
        return streamed.withPulses(seen);
    }

    /** One reply's figures, in ms. */
    private record Streamed(double firstTokenMs, double visibleMs, double busyMs,
            double frozenMs, double pulseP99, double pulseMax) {

        Streamed withPulses(List<double[]> seen) {
            List<Double> durations = new ArrayList<>(seen.stream().map(p -> p[1]).toList());
            durations.sort(null);
            if (durations.isEmpty()) {
                return this;
            }
            double p99 = durations.get((int) Math.floor(0.99 * (durations.size() - 1)));
            return new Streamed(firstTokenMs, visibleMs, busyMs, frozenMs, p99,
                    durations.get(durations.size() - 1));
        }
    }

    /** Times one reply on the FX thread. */
    private static final class Watch {

        private final PulseLog pulses;
        private final CompletableFuture<Void> ended = new CompletableFuture<>();
        private CompletableFuture<Long> shown;
        private long sent;
        private long first;
        private int tokens;

        Watch(PulseLog pulses) {
            this.pulses = pulses;
        }

        void send(ChatViewModel chat) {
            sent = System.nanoTime();
            chat.send();
            ChatMessage reply = chat.getMessages().get(chat.getMessages().size() - 1);
            reply.textProperty().addListener((obs, old, now) -> token());
            reply.statusProperty().addListener((obs, old, now) -> {
                if (now != ChatMessage.Status.STREAMING) {
                    ended.complete(null);
                }
            });
        }

        private void token() {
            if (tokens++ == 0) {
                first = System.nanoTime();
                shown = pulses.nextPulseEnd();
            }
        }

        Streamed await(FxStallProbe probe, FxCpu cpu, double cpuBefore) throws Exception {
            ended.get(WorkerClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long visible = shown.get(Fx.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Streamed((first - sent) / 1e6, (visible - sent) / 1e6,
                    cpu.usedMs() - cpuBefore, probe.longestMs(), Double.NaN, Double.NaN);
        }
    }

    private static final class Variant {

        private final String name;
        private final Conversation history;
        private final Series firstToken = new Series();
        private final Series visible = new Series();
        private final Series pulseP99 = new Series();
        private final Series pulseMax = new Series();
        private final Series busy = new Series();
        private final Series frozen = new Series();

        Variant(String name, Conversation history) {
            this.name = name;
            this.history = history;
        }

        void add(Streamed streamed) {
            firstToken.add(streamed.firstTokenMs());
            visible.add(streamed.visibleMs());
            pulseP99.add(streamed.pulseP99());
            pulseMax.add(streamed.pulseMax());
            busy.add(streamed.busyMs());
            frozen.add(streamed.frozenMs());
        }
    }

}
