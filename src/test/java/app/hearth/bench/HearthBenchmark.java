package app.hearth.bench;

import app.hearth.bench.BenchModels.BenchModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * Issue 8's benchmark: Hearth side by side with the engine it runs on. Prints a Markdown
 * report and writes it to {@code BENCHMARKS.md}. Run it with {@code mvn -B -Pbench
 * test-compile exec:exec}, never in the normal build: it takes minutes and needs a quiet
 * machine.
 *
 * <p>System properties: {@code hearth.bench.out} (the report file), {@code hearth.bench.cache}
 * (where the synthetic models are kept), {@code hearth.bench.rounds} (default 4),
 * {@code hearth.bench.sections} (comma-separated subset of
 * {@code generation,tuning,switching,stop,window,chatview,memory}).
 */
public final class HearthBenchmark {

    private static final int MAX_TOKENS = 64;
    /** One pass: with the OpenMP default wait policy a 1B reply takes a minute here. */
    private static final int SWEEP_PASSES = Integer.getInteger("hearth.bench.sweep.passes", 1);
    private static final int[] WINDOW_TOKENS = {1_000, 5_000};

    private HearthBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        // The binding leaves a non-daemon native thread behind; only exit() ends the JVM.
        System.exit(status);
    }

    private static void run() throws Exception {
        long started = System.nanoTime();
        Path out = Path.of(System.getProperty("hearth.bench.out", "BENCHMARKS.md"));
        Path cache = Path.of(System.getProperty("hearth.bench.cache", "target/bench-models"))
                .toAbsolutePath();
        int rounds = Integer.getInteger("hearth.bench.rounds", 4);
        Set<String> sections = Set.of(System.getProperty("hearth.bench.sections",
                "generation,tuning,switching,stop,window,chatview,memory").split(","));
        int threads = Runtime.getRuntime().availableProcessors();
        usePrivateLibraryFolder();
        List<BenchModel> models = BenchModels.all(cache);
        String loadBefore = MachineInfo.load();

        Report body = new Report();
        Targets targets = new Targets();
        BenchModel small = models.get(1);
        BenchModel large = models.get(2);
        if (sections.contains("generation")) {
            GenerationBenchmark generation = new GenerationBenchmark(rounds, MAX_TOKENS, threads);
            generation.run(models);
            generation.report(body);
            models.forEach(model -> targets.generation(model.name(),
                    generation.result(model.name())));
            targets.engine(small.name(), generation.result(small.name()), false);
            targets.engine(large.name(), generation.result(large.name()), true);
        }
        if (sections.contains("tuning")) {
            TuningSweep sweep = new TuningSweep(SWEEP_PASSES, 2, 16,
                    cache.resolve("probes"));
            sweep.run(large, TuningSweep.variants(threads));
            sweep.report(body);
        }
        if (sections.contains("switching")) {
            SwitchingBenchmark switching = new SwitchingBenchmark(rounds);
            switching.run(small, models.get(0));
            switching.report(body);
            targets.switching(switching);
        }
        if (sections.contains("stop")) {
            StopBenchmark stop = new StopBenchmark(Math.min(rounds, 3));
            stop.run(List.of(small, large));
            stop.report(body);
        }
        if (sections.contains("window")) {
            for (int tokens : WINDOW_TOKENS) {
                WindowBenchmark window = new WindowBenchmark(rounds, tokens);
                window.run();
                window.report(body);
                targets.window(window);
            }
        }
        if (sections.contains("chatview")) {
            chatView(rounds, body);
        }
        if (sections.contains("memory")) {
            MemoryBenchmark memory = new MemoryBenchmark();
            memory.run(models);
            memory.report(body);
        }

        Report summary = new Report();
        targets.report(summary);
        String report = header(rounds, loadBefore, Duration.ofNanos(System.nanoTime() - started))
                + summary + body;
        System.out.println(report);
        Files.writeString(out, report);
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    /** Opening and streaming into conversations that real models wrote (issue 6). */
    private static void chatView(int rounds, Report body) throws Exception {
        Path tiny = BenchModels.sharedFolder().resolve("llama-2-tiny-random.gguf");
        Path stories = BenchModels.sharedFolder().resolve("stories260K.gguf");
        List<OpenConversationBenchmark.Case> cases;
        try (WorkerClient worker = new WorkerClient()) {
            GibberishTranscripts transcripts = new GibberishTranscripts(worker);
            cases = List.of(
                    new OpenConversationBenchmark.Case("plain English, 3 replies",
                            transcripts.write("plain", stories, 3, 400)),
                    new OpenConversationBenchmark.Case("mixed-script, 3 replies",
                            transcripts.write("mixed-short", tiny, 3, 300)),
                    new OpenConversationBenchmark.Case("mixed-script, 12 replies",
                            transcripts.write("mixed-long", tiny, 12, 300)));
        }
        OpenConversationBenchmark open = new OpenConversationBenchmark(rounds);
        open.run(cases);
        open.report(body);
        StreamIntoWindowBenchmark stream = new StreamIntoWindowBenchmark(rounds, 1_000);
        stream.run(tiny, cases.get(2).conversation());
        stream.report(body);
    }

    /** The binding neither creates its extraction folder nor shares it safely (DESIGN.md §3). */
    private static void usePrivateLibraryFolder() throws Exception {
        String folder = System.getProperty("de.kherud.llama.tmpdir");
        if (folder == null) {
            folder = Files.createTempDirectory("hearth-bench-llama-").toString();
            System.setProperty("de.kherud.llama.tmpdir", folder);
        }
        Files.createDirectories(Path.of(folder));
    }

    private static String header(int rounds, String loadBefore, Duration took) {
        return "# Hearth benchmarks\n\n"
                + "Written by `mvn -B -Pbench test-compile exec:exec` (app.hearth.bench."
                + "HearthBenchmark) on " + ZonedDateTime.now().format(
                        DateTimeFormatter.RFC_1123_DATE_TIME) + ", " + rounds + " rounds, in "
                + took.toSeconds() + " s.\n\n" + MachineInfo.describe()
                + "- Load average (1, 5, 15 min): " + loadBefore + " before, "
                + MachineInfo.load() + " after. The machine is shared with other builds, "
                + "so read spreads as noise.\n";
    }
}
