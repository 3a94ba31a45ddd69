package app.hearth.bench;

import app.hearth.bench.BenchModels.BenchModel;
import app.hearth.workerclient.WorkerListener;
import app.hearth.workerclient.WorkerState;

import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Item 3 of issue 8: how long a worker takes to start, and what a request costs on the model
 * just used, on a cached model after another one, and on a model that must be loaded.
 */
final class SwitchingBenchmark {

    private static final int TOKENS = 8;

    private final int rounds;
    private final Series coldStart = new Series();
    private final Series warm = new Series();
    private final Series cachedSwitch = new Series();
    private final Series switchCost = new Series();
    private final Series coldLoad = new Series();
    private final Series loadMs = new Series();
    private String modelName = "";

    SwitchingBenchmark(int rounds) {
        this.rounds = rounds;
    }

    void run(BenchModel model, BenchModel other) throws Exception {
        modelName = model.name() + " (other model: " + other.name() + ")";
        for (int round = 0; round < rounds; round++) {
            coldStart.add(coldStartMs(model));
        }
        try (WorkerClient worker = new WorkerClient()) {
            worker.generate(model.file(), ShortPrompts.of(9), TOKENS);
            worker.generate(other.file(), ShortPrompts.of(9), TOKENS);
            worker.generate(model.file(), ShortPrompts.of(8), TOKENS);
            for (int round = 0; round < rounds; round++) {
                measureRound(worker, model, other, round);
            }
        }
    }

    Series coldStart() {
        return coldStart;
    }

    Series switchCost() {
        return switchCost;
    }

    void report(Report report) {
        report.heading("3. Switching and starting")
                .paragraph("Model %s; %d rounds; short prompts (12 tokens) so that prompt "
                        + "processing does not hide the switch. Time to first token through "
                        + "the WorkerService. Cold start: from the WorkerService starting the "
                        + "process to its hello. Not measured: the time a memory reclaim "
                        + "takes, because the reclaim mechanism (DESIGN.md §4) is not built "
                        + "on this branch yet.", modelName, rounds)
                .table(List.of("what", "ms"), List.of(
                        List.of("worker cold start to hello", coldStart.format(0)),
                        List.of("warm request (same model as the last one)", warm.format(1)),
                        List.of("cached switch (another model was used last)",
                                cachedSwitch.format(1)),
                        List.of("cached switch − warm, round by round", switchCost.format(1)),
                        List.of("cold load: request to first token", coldLoad.format(0)),
                        List.of("of which the worker's load", loadMs.format(0))));
    }

    private void measureRound(WorkerClient worker, BenchModel model, BenchModel other,
            int round) throws Exception {
        double warmMs = worker.generate(model.file(), ShortPrompts.of(4 * round % 10),
                TOKENS).ttftMs();
        worker.generate(other.file(), ShortPrompts.of((4 * round + 1) % 10), TOKENS);
        double switchMs = worker.generate(model.file(), ShortPrompts.of((4 * round + 2) % 10),
                TOKENS).ttftMs();
        worker.service().unload(model.file().toString());
        TimedListener cold = new TimedListener(1);
        long started = System.nanoTime();
        worker.start(model.file(), ShortPrompts.of((4 * round + 3) % 10), TOKENS, cold);
        Generated coldResult = cold.await(started, WorkerClient.TIMEOUT_SECONDS);

        warm.add(warmMs);
        cachedSwitch.add(switchMs);
        switchCost.add(switchMs - warmMs);
        coldLoad.add(coldResult.ttftMs());
        loadMs.add(cold.done().loadMs());
        System.out.printf(java.util.Locale.ROOT, "  switching round %d: warm %.1f, switch %.1f,"
                + " cold %.1f ms%n", round + 1, warmMs, switchMs, coldResult.ttftMs());
    }

    /** Starts a worker by asking for a model, and times STARTING to READY. */
    private static double coldStartMs(BenchModel model) throws Exception {
        long[] times = new long[2];
        try (WorkerClient worker = new WorkerClient()) {
            worker.addListener(new WorkerListener() {
                @Override
                public void onStateChanged(WorkerState state, String message) {
                    if (state == WorkerState.STARTING) {
                        times[0] = System.nanoTime();
                    } else if (state == WorkerState.READY) {
                        times[1] = System.nanoTime();
                    }
                }
            });
            try {
                worker.load(model.file());
            } catch (ExecutionException e) {
                throw new IllegalStateException("Could not load " + model.file(), e);
            }
        }
        return (times[1] - times[0]) / 1e6;
    }
}
