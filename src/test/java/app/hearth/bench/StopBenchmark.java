package app.hearth.bench;

import app.hearth.bench.BenchModels.BenchModel;
import app.hearth.workerclient.GenerationHandle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Item 4 of issue 8: from a cancel through the WorkerService to the worker's cancelled done
 * event, when the worker is free for the next reply. (The chat view itself turns idle inside
 * ChatViewModel.stop(), before the worker has heard of it.)
 */
final class StopBenchmark {

    /** Far more than the tokens before the cancel; bounds what an ignored cancel costs. */
    private static final int MAX_TOKENS = 300;
    private static final int TOKENS_BEFORE_STOP = 5;

    private final int rounds;
    private final List<List<String>> rows = new ArrayList<>();

    StopBenchmark(int rounds) {
        this.rounds = rounds;
    }

    void run(List<BenchModel> models) throws Exception {
        try (WorkerClient worker = new WorkerClient()) {
            for (BenchModel model : models) {
                measure(worker, model);
            }
        }
    }

    void report(Report report) {
        report.heading("4. Stop to idle")
                .paragraph("Through the WorkerService: from GenerationHandle.cancel() to the "
                        + "worker's done event. \"During prompt processing\" cancels right "
                        + "after sending a %d-token prompt; \"during generation\" after the "
                        + "%dth token. The next reply's time to first token (the worker's own "
                        + "figure) shows whether the engine was really free: far above the "
                        + "usual prompt processing, the cancelled reply kept the engine busy "
                        + "after its done event (up to %d tokens). %d rounds each.",
                        Prompts.TOKENS, TOKENS_BEFORE_STOP, MAX_TOKENS, rounds)
                .table(List.of("model", "during prompt processing (ms)",
                        "next reply's TTFT (ms)", "during generation (ms)",
                        "tokens after the cancel"), rows);
    }

    private void measure(WorkerClient worker, BenchModel model) throws Exception {
        InProcessEngine counter = new InProcessEngine(model.file(),
                EngineConfig.likeTheWorker(1));
        worker.generate(model.file(), ShortPrompts.of(0), 4);
        Series duringPrompt = new Series();
        Series promptAlone = new Series();
        Series duringGeneration = new Series();
        Series lateTokens = new Series();
        for (int round = 0; round < rounds; round++) {
            TimedListener early = new TimedListener(1);
            GenerationHandle handle = worker.start(model.file(),
                    Prompts.of(20 + round, counter::countTokens), MAX_TOKENS, early);
            long cancelled = System.nanoTime();
            handle.cancel();
            early.awaitEnd(WorkerClient.TIMEOUT_SECONDS);
            double promptStop = (early.endedAt() - cancelled) / 1e6;

            TimedListener late = new TimedListener(TOKENS_BEFORE_STOP);
            handle = worker.start(model.file(), Prompts.of(40 + round, counter::countTokens),
                    MAX_TOKENS, late);
            late.awaitTokens(WorkerClient.TIMEOUT_SECONDS);
            int seen = late.tokens();
            cancelled = System.nanoTime();
            handle.cancel();
            late.awaitEnd(WorkerClient.TIMEOUT_SECONDS);
            double generationStop = (late.endedAt() - cancelled) / 1e6;

            duringPrompt.add(promptStop);
            promptAlone.add(late.done().timeToFirstTokenMs());
            duringGeneration.add(generationStop);
            lateTokens.add(late.tokens() - seen);
            System.out.printf(Locale.ROOT, "  stop %s: during prompt %.1f ms (%d tokens came), "
                    + "during generation %.1f ms%n", model.name(), promptStop, early.tokens(),
                    generationStop);
        }
        rows.add(List.of(model.name(), duringPrompt.format(1), promptAlone.format(1),
                duringGeneration.format(1), lateTokens.format(0)));
    }
}
