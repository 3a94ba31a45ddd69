package app.hearth.bench;

import app.hearth.bench.BenchModels.BenchModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

/**
 * Item 6 of issue 8: the worker's resident memory from /proc at baseline, with each model
 * loaded (and one short reply run, so its weights were read), and after unloading them all.
 */
final class MemoryBenchmark {

    private final List<List<String>> rows = new ArrayList<>();

    void run(List<BenchModel> models) throws Exception {
        try (WorkerClient worker = new WorkerClient()) {
            roundTrip(worker);
            rows.add(reading("baseline (worker started, nothing loaded)", worker.pid()));
            for (BenchModel model : models) {
                worker.load(model.file());
                worker.generate(model.file(), ShortPrompts.of(1), 8);
                rows.add(reading("+ " + model.name(), worker.pid()));
            }
            models.forEach(model -> worker.service().unload(model.file().toString()));
            roundTrip(worker);
            rows.add(reading("after unloading all", worker.pid()));
        }
    }

    void report(Report report) {
        report.heading("6. The worker's memory")
                .paragraph("From /proc/<worker pid>/status, in MiB. Models are mapped, so "
                        + "their weights count as file-backed. One worker, models loaded one "
                        + "after another and kept.")
                .table(List.of("state", "resident", "anonymous", "file-backed"), rows);
    }

    /**
     * Sends a request that fails at once; its answer proves that everything sent before it
     * was handled, since the worker reads its requests in order.
     */
    private static void roundTrip(WorkerClient worker) throws Exception {
        try {
            worker.load(Path.of("/nonexistent/round-trip.gguf"));
        } catch (ExecutionException expected) {
            return;
        }
        throw new IllegalStateException("A missing model loaded");
    }

    private static List<String> reading(String state, long pid) throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
        return List.of(state, mib(status, "VmRSS:"), mib(status, "RssAnon:"),
                mib(status, "RssFile:"));
    }

    private static String mib(List<String> status, String key) {
        for (String line : status) {
            if (line.startsWith(key)) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.0f", kb / 1024.0);
            }
        }
        return "–";
    }
}
