package app.hearth.bench;

import app.hearth.bench.BenchModels.BenchModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the in-process loop loses against the engine: the same model under different engine
 * settings, each in a fresh JVM (OpenMP reads its environment once per process). With two
 * passes the second runs in reverse order, so drift in the machine's load hits every setting
 * alike.
 */
final class TuningSweep {

    private static final long TIMEOUT_SECONDS = 900;

    /** One setting: its engine options and the OpenMP wait policy, null for the default. */
    record Variant(String label, EngineConfig config, String waitPolicy) {
    }

    private final int rounds;
    private final int maxTokens;
    private final Path workDir;
    private final List<List<String>> rows = new ArrayList<>();

    private final int passes;

    TuningSweep(int passes, int rounds, int maxTokens, Path workDir) {
        this.passes = passes;
        this.rounds = rounds;
        this.maxTokens = maxTokens;
        this.workDir = workDir;
    }

    static List<Variant> variants(int threads) {
        EngineConfig worker = EngineConfig.likeTheWorker(threads);
        EngineConfig warm = new EngineConfig(threads, 2048, false, 0, 0);
        EngineConfig one = new EngineConfig(1, 2048, true, 0, 0);
        return List.of(
                new Variant("the worker's: no warm-up, PASSIVE", worker, "PASSIVE"),
                new Variant("binding default warm-up, PASSIVE", warm, "PASSIVE"),
                new Variant("warm-up, OpenMP default wait policy", warm, null),
                new Variant("no warm-up, OpenMP default wait policy", worker, null),
                new Variant("1 thread, no warm-up, PASSIVE", one, "PASSIVE"));
    }

    void run(BenchModel model, List<Variant> variants) throws Exception {
        System.out.printf("Tuning sweep: %s%n", model.name());
        List<Series[]> results = new ArrayList<>();
        variants.forEach(variant -> results.add(new Series[] {new Series(), new Series()}));
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < variants.size(); i++) {
                int index = pass == 0 ? i : variants.size() - 1 - i;
                probe(model, variants.get(index), results.get(index));
            }
        }
        double reference = results.get(0)[0].median();
        for (int i = 0; i < variants.size(); i++) {
            Series[] series = results.get(i);
            rows.add(List.of(model.name(), variants.get(i).label(), series[0].format(1),
                    String.format(java.util.Locale.ROOT, "%.2f",
                            series[0].median() / reference), series[1].format(0)));
        }
    }

    void report(Report report) {
        report.heading("2b. Engine settings, in-process, one fresh JVM per setting")
                .paragraph("%d timed replies of up to %d tokens per JVM after one untimed "
                        + "reply, 12-token prompts, %d pass(es), the second in reverse "
                        + "order. Batch sizes are left out: decoding runs one token per batch, "
                        + "and a 99-token prompt fits one physical batch (512).", rounds,
                        maxTokens, passes)
                .table(List.of("model", "setting", "decode tok/s", "vs the worker's",
                        "TTFT ms"), rows);
    }

    private void probe(BenchModel model, Variant variant, Series[] into) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve("probe-" + ProcessHandle.current()
                .pid() + "-" + System.nanoTime()));
        Path llamaTmp = Files.createDirectories(dir.resolve("llama-tmp"));
        EngineConfig config = variant.config();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dde.kherud.llama.tmpdir=" + llamaTmp,
                "-cp", System.getProperty("java.class.path"), EngineProbe.class.getName(),
                model.file().toString(), String.valueOf(config.threads()),
                String.valueOf(config.skipWarmup()), String.valueOf(config.batchSize()),
                String.valueOf(config.ubatchSize()), String.valueOf(rounds),
                String.valueOf(maxTokens)))
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("GGML_NO_BACKTRACE", "1");
        if (variant.waitPolicy() == null) {
            environment.remove("OMP_WAIT_POLICY");
        } else {
            environment.put("OMP_WAIT_POLICY", variant.waitPolicy());
        }
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("The engine probe did not end within " + TIMEOUT_SECONDS
                    + " s; see " + dir);
        }
        collect(dir.resolve("stdout.txt"), into);
        System.out.printf("  %s: %s tok/s%n", variant.label(), into[0].format(1));
    }

    private static void collect(Path stdout, Series[] into) throws IOException {
        // Native code may print anything on stdout; decode leniently.
        String text = new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8);
        for (String line : text.lines().toList()) {
            if (line.startsWith("RESULT ")) {
                String[] parts = line.split(" ");
                into[1].add(Double.parseDouble(parts[1]));
                into[0].add(Double.parseDouble(parts[2]));
            }
        }
    }
}
