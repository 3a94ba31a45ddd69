package app.hearth.bench;

import app.hearth.chat.Conversation;
import app.hearth.protocol.Sampling;
import app.hearth.ui.FxBatchingExecutor;
import app.hearth.ui.chat.ChatViewModel;
import app.hearth.ui.settings.Theme;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerService;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Opening a saved conversation in the chat window, as a click in the sidebar or a restart
 * does, timed on the FX thread: from setting the current conversation to the end of the
 * first layout pass after it (the transcript is on screen), and the longest time the FX
 * thread could not take an event in the two seconds after the click. Also a theme switch
 * with the longest conversation open. The window is the app's size, with its stylesheets.
 */
final class OpenConversationBenchmark {

    /** One conversation to open. */
    record Case(String name, Conversation conversation) {
    }

    private static final long SETTLE_MS = 2_000;

    private final int rounds;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Series themeLaidOut = new Series();
    private final Series themeBusy = new Series();
    private final Series themeFrozen = new Series();
    private String themeCase = "";

    OpenConversationBenchmark(int rounds) {
        this.rounds = rounds;
    }

    void run(List<Case> cases) throws Exception {
        Fx.start();
        cases.forEach(one -> rows.put(one.name(), new Row(one.conversation())));
        ExecutorService disk = Executors.newSingleThreadExecutor(
                task -> new Thread(task, "bench-disk"));
        WorkerService service = new WorkerService(WorkerLauncher.forThisInstallation(null),
                new FxBatchingExecutor());
        try (FxStallProbe probe = new FxStallProbe()) {
            FxCpu cpu = new FxCpu();
            ChatViewModel model = Fx.call(() -> new ChatViewModel(service, disk,
                    BenchModels.sharedFolder(), Sampling.DEFAULT));
            Stage stage = Fx.call(() -> Fx.chatWindow(model));
            PulseLog pulses = Fx.call(() -> new PulseLog(stage.getScene()));
            Fx.run(model::refreshModels);
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < cases.size(); i++) {
                    Case one = cases.get((i + round) % cases.size());
                    time(() -> model.conversations().create(), pulses, probe, cpu);
                    Timing opened = time(() -> model.conversations().open(one.conversation()),
                            pulses, probe, cpu);
                    rows.get(one.name()).add(opened, Fx.call(() -> texts(stage)));
                }
                themeCase = cases.get(cases.size() - 1).name();
                time(() -> model.conversations().open(cases.get(cases.size() - 1)
                        .conversation()), pulses, probe, cpu);
                Theme theme = round % 2 == 0 ? Theme.DARK : Theme.LIGHT;
                Timing switched = time(() -> Fx.applyTheme(theme, stage.getScene()), pulses,
                        probe, cpu);
                themeLaidOut.add(switched.laidOutMs());
                themeBusy.add(switched.busyMs());
                themeFrozen.add(switched.frozenMs());
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
        rows.forEach((name, row) -> table.add(List.of(name, String.format(Locale.ROOT, "%,d",
                GibberishTranscripts.length(row.conversation)),
                String.valueOf(row.conversation.messages().size()), row.texts.format(0),
                row.laidOut.format(0), row.busy.format(0), row.frozen.format(0))));
        table.add(List.of("theme switch, " + themeCase + " open", "", "", "",
                themeLaidOut.format(0), themeBusy.format(0), themeFrozen.format(0)));
        report.heading("5b. Opening a conversation")
                .paragraph("The chat window at the app's first size (1240×680) with app.css "
                        + "and the light theme, Monocle headless, software rendering. Replies "
                        + "written by the real models through the real worker "
                        + "(GibberishTranscripts, fixed seeds): llama-2-tiny-random writes the "
                        + "mixed-script gibberish of the new-user trial (Latin, Cyrillic, CJK, "
                        + "Thai, Devanagari, long glued words), stories260K plain English. "
                        + "Laid out: from setting the current conversation (after an empty "
                        + "one) to the end of the first layout pass after it, on the FX "
                        + "thread. FX CPU: the CPU time the FX thread used in the %,d ms after "
                        + "the click, which a loaded machine does not inflate. Frozen: the "
                        + "longest an event posted to the FX thread waited in that time (a "
                        + "probe posts one every 5 ms). "
                        + "Text nodes: `.md-text` nodes in the scene once opened. %d rounds, "
                        + "in rotated order.", SETTLE_MS, rounds)
                .table(List.of("conversation", "chars", "messages", "text nodes",
                        "laid out (ms)", "FX CPU (ms)", "frozen (ms)"), table);
    }


    private static int texts(Stage stage) {
        return stage.getScene().getRoot().lookupAll(".md-text").size();
    }

    /** Runs {@code action} on the FX thread; times its first layout pass and the freeze. */
    private static Timing time(Runnable action, PulseLog pulses, FxStallProbe probe, FxCpu cpu)
            throws Exception {
        long[] started = new long[1];
        double cpuBefore = cpu.usedMs();
        var laidOut = Fx.call(() -> {
            probe.reset();
            started[0] = System.nanoTime();
            action.run();
            return pulses.nextPulseEnd();
        }).get(Fx.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Thread.sleep(SETTLE_MS);
        Timing timing = new Timing((laidOut - started[0]) / 1e6, cpu.usedMs() - cpuBefore,
                probe.longestMs());
        System.out.printf(Locale.ROOT, "  open: laid out %.0f ms, FX CPU %.0f ms, frozen %.0f "
                + "ms%n", timing.laidOutMs(), timing.busyMs(), timing.frozenMs());
        return timing;
    }

    private record Timing(double laidOutMs, double busyMs, double frozenMs) {
    }

    private static final class Row {

        private final Conversation conversation;
        private final Series laidOut = new Series();
        private final Series busy = new Series();
        private final Series frozen = new Series();
        private final Series texts = new Series();

        Row(Conversation conversation) {
            this.conversation = conversation;
        }

        void add(Timing timing, int textNodes) {
            laidOut.add(timing.laidOutMs());
            busy.add(timing.busyMs());
            frozen.add(timing.frozenMs());
            texts.add(textNodes);
        }
    }

}
