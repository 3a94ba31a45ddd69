package app.hearth.bench;

import app.hearth.bench.BenchModels.BenchModel;
import app.hearth.workerclient.WorkerLauncher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Item 1 and 2 of issue 8: the same greedy replies (a) from the engine in this JVM, (b)
 * through the WorkerService and the worker, (c) through the chat view, in rounds that rotate
 * the order of the three, so a noisy machine shows as spread and not as a difference.
 */
final class GenerationBenchmark {

    private static final String[] NAMES = {"a", "b", "c"};

    private final int rounds;
    private final int maxTokens;
    private final int threads;
    private final List<List<String>> speedRows = new ArrayList<>();
    private final List<List<String>> ttftRows = new ArrayList<>();
    private final Map<String, Result> results = new HashMap<>();

    /**
     * One model's summaries.
     *
     * @param speed      tokens/s of a, b and c
     * @param ttft       time to first token of a, b and c, in ms
     * @param speedRatio b/a and c/a, round by round
     * @param ttftDelta  b−a and c−a, round by round, in ms
     */
    record Result(Series[] speed, Series[] ttft, Series[] speedRatio, Series[] ttftDelta) {
    }

    GenerationBenchmark(int rounds, int maxTokens, int threads) {
        this.rounds = rounds;
        this.maxTokens = maxTokens;
        this.threads = threads;
    }

    /** Runs every model through the three paths. */
    void run(List<BenchModel> models) throws Exception {
        try (WorkerClient worker = new WorkerClient();
             ChatViewClient chat = new ChatViewClient(WorkerLauncher.forThisInstallation(null),
                     maxTokens)) {
            for (BenchModel model : models) {
                measure(model, worker, chat);
            }
        }
    }

    /** The summaries of a model measured by {@link #run}, or null. */
    Result result(String modelName) {
        return results.get(modelName);
    }

    void report(Report report) {
        report.heading("1–2. Generation: engine in-process (a), worker (b), chat view (c)")
                .paragraph("Greedy, seed 0, %d-token prompts (a new one each round, so the "
                        + "prompt cache never helps), up to %d generated tokens, %d threads, "
                        + "context 2048, the worker's engine settings (%s). %d rounds; each "
                        + "round runs a, b and c in a rotated order. Ratios are taken round "
                        + "by round, then summarized. Cells: median (min–max).",
                        Prompts.TOKENS, maxTokens, threads,
                        EngineConfig.likeTheWorker(threads).label(), rounds)
                .paragraph("**Decode speed** (tokens/s after the first token; b at the "
                        + "WorkerService listener, c at the chat message on the FX thread)")
                .table(List.of("model", "tokens", "a in-process", "b worker", "c chat view",
                        "b/a", "c/a"), speedRows)
                .paragraph("**Time to first token** (ms, from the request, or from "
                        + "ChatViewModel.send(), to the first token)")
                .table(List.of("model", "a in-process", "b worker", "c chat view",
                        "b−a (ms)", "c−a (ms)"), ttftRows);
    }

    private void measure(BenchModel model, WorkerClient worker, ChatViewClient chat)
            throws Exception {
        System.out.printf("Generation: %s%n", model.name());
        InProcessEngine engine = new InProcessEngine(model.file(),
                EngineConfig.likeTheWorker(threads));
        Series[] speed = {new Series(), new Series(), new Series()};
        Series[] ttft = {new Series(), new Series(), new Series()};
        Series speedB = new Series();
        Series speedC = new Series();
        Series ttftB = new Series();
        Series ttftC = new Series();
        Series tokens = new Series();

        String warmUp = Prompts.of(rounds + 7, engine::countTokens);
        for (int variant = 0; variant < 3; variant++) {
            once(variant, model, warmUp, engine, worker, chat);
        }
        for (int round = 0; round < rounds; round++) {
            String prompt = Prompts.of(round, engine::countTokens);
            Generated[] results = new Generated[3];
            for (int step = 0; step < 3; step++) {
                int variant = (round + step) % 3;
                results[variant] = once(variant, model, prompt, engine, worker, chat);
            }
            for (int variant = 0; variant < 3; variant++) {
                speed[variant].add(results[variant].tokensPerSecond());
                ttft[variant].add(results[variant].ttftMs());
            }
            speedB.add(results[1].tokensPerSecond() / results[0].tokensPerSecond());
            speedC.add(results[2].tokensPerSecond() / results[0].tokensPerSecond());
            ttftB.add(results[1].ttftMs() - results[0].ttftMs());
            ttftC.add(results[2].ttftMs() - results[0].ttftMs());
            tokens.add(results[0].tokens());
            System.out.printf(Locale.ROOT, "  round %d: %s%n", round + 1, describe(results));
        }
        results.put(model.name(), new Result(speed, ttft, new Series[] {speedB, speedC},
                new Series[] {ttftB, ttftC}));
        speedRows.add(List.of(model.name(), tokens.format(0), speed[0].format(1),
                speed[1].format(1), speed[2].format(1), speedB.format(3), speedC.format(3)));
        ttftRows.add(List.of(model.name(), ttft[0].format(1), ttft[1].format(1),
                ttft[2].format(1), ttftB.format(1), ttftC.format(1)));
    }

    private Generated once(int variant, BenchModel model, String prompt, InProcessEngine engine,
            WorkerClient worker, ChatViewClient chat) throws Exception {
        switch (variant) {
            case 0:
                return engine.generate(prompt, maxTokens);
            case 1:
                return worker.generate(model.file(), prompt, maxTokens);
            default:
                return chat.generate(model.file(), prompt);
        }
    }

    private static String describe(Generated[] results) {
        StringBuilder line = new StringBuilder();
        for (int variant = 0; variant < 3; variant++) {
            line.append(String.format(Locale.ROOT, "%s %.1f tok/s ttft %.1f ms (%d)  ",
                    NAMES[variant], results[variant].tokensPerSecond(), results[variant].ttftMs(),
                    results[variant].tokens()));
        }
        return line.toString();
    }
}
