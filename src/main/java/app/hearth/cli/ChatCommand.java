package app.hearth.cli;

import app.hearth.app.AppPaths;
import app.hearth.app.ModelFiles;
import app.hearth.chat.ModelFacts;
import app.hearth.chat.ModelProbe;
import app.hearth.chat.template.PromptFamily;
import app.hearth.chat.template.PromptFormatter;
import app.hearth.chat.template.RenderedPrompt;
import app.hearth.chat.template.SpecialTokenGuard;
import app.hearth.chat.template.TemplateDetector;
import app.hearth.chat.template.Turn;
import app.hearth.memory.ByteSize;
import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import app.hearth.workerclient.GenerationListener;
import app.hearth.workerclient.WorkerError;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerService;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code hearth chat --model FILE [options] PROMPT}: streams one reply to stdout through the
 * same WorkerService and worker process as the window uses.
 */
public final class ChatCommand extends Subcommand<ChatCommand.Request> {

    static final String USAGE = """
            Usage: hearth chat [--model FILE] [--max-tokens N] [--seed S] [--temperature T]
                               [--context N] [--threads N] [--budget SIZE] [--stats] PROMPT...
              Streams the model's reply to PROMPT to standard output.
              --model        a .gguf file, or a file name in the models folder
                             (default: %s there)
              --max-tokens   longest reply in tokens (default 256)
              --seed         random seed for a repeatable reply (default: random)
              --temperature  0 for the most likely words, higher for variety (default 0.7)
              --context      context window in tokens (default: the worker's choice)
              --threads      decoding threads (default: one per core)
              --budget       memory the cached models may take, e.g. 4g or 640m
                             (default: half of physical memory)
              --stats        print tokens per second to standard error at the end
            """.formatted(ModelFiles.DEFAULT_MODEL);

    private static final Set<String> OPTIONS = Set.of("model", "max-tokens", "seed",
            "temperature", "context", "threads", "budget");
    private static final Set<String> FLAGS = Set.of("stats");

    /**
     * @param out   receives the reply
     * @param err   receives messages for people
     * @param paths where to look for models and write logs
     */
    public ChatCommand(PrintStream out, PrintStream err, AppPaths paths) {
        super("chat", USAGE, out, err, paths);
    }

    @Override
    protected int execute(Request request) {
        if (!Files.isRegularFile(request.model())) {
            complain("no model file at " + request.model() + " (models folder: "
                    + paths.models() + ")");
            return ExitCode.FAILED;
        }

        try (WorkerService worker = new WorkerService(
                WorkerLauncher.forThisInstallation(paths.logs()), Runnable::run)) {
            if (request.budgetBytes() > 0) {
                worker.configure(request.budgetBytes(), -1);
            }
            return stream(worker, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        }
    }

    private int stream(WorkerService worker, Request request) throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(ExitCode.OK);
        RenderedPrompt prompt = promptFor(request);
        worker.generate(request.model().toString(), prompt.text(), request.sampling(),
                request.options(), prompt.stop(), new GenerationListener() {
                    @Override
                    public void onToken(String text) {
                        out.print(text);
                        out.flush();
                        if (out.checkError()) {
                            // Nobody reads any more (a closed pipe, `| head`): stop the
                            // reply instead of generating into the void.
                            exitCode.set(ExitCode.FAILED);
                            finished.countDown();
                        }
                    }

                    @Override
                    public void onDone(DoneEvent done) {
                        out.println();
                        out.flush();
                        if (request.stats()) {
                            err.printf(Locale.ROOT, "%d prompt tokens, %d generated, first token "
                                            + "after %.0f ms, %.1f tokens/s%n",
                                    done.promptTokens(), done.generatedTokens(),
                                    done.timeToFirstTokenMs(), done.tokensPerSecond());
                        }
                        finished.countDown();
                    }

                    @Override
                    public void onError(WorkerError error) {
                        out.flush();
                        complain(error.message());
                        exitCode.set(ExitCode.FAILED);
                        finished.countDown();
                    }
                });
        finished.await();
        return exitCode.get();
    }

    /**
     * The prompt in the model's own chat format, as the window would send it; a model without
     * a template (a story model) continues the text as typed.
     */
    private static RenderedPrompt promptFor(Request request) {
        ModelFacts facts;
        try {
            facts = ModelProbe.read(request.model());
        } catch (IOException e) {
            facts = ModelFacts.UNKNOWN;
        }
        PromptFamily family = TemplateDetector.detect(facts.chatTemplate());
        return PromptFormatter.format(family, "", List.of(Turn.user(request.prompt())),
                SpecialTokenGuard.of(family, facts.controlTokens()));
    }

    @Override
    protected Request parse(List<String> args) throws UsageException {
        CommandLine line = CommandLine.parse(args, OPTIONS, FLAGS);
        if (line.words().isEmpty()) {
            throw new UsageException(
                    "Give a prompt, for example: hearth chat \"Once upon a time\"");
        }
        String prompt = String.join(" ", line.words());
        Path model = ModelFiles.resolve(line.option("model", ModelFiles.DEFAULT_MODEL),
                paths.models());
        Sampling sampling = Sampling.DEFAULT
                .withMaxTokens(line.intOption("max-tokens", 256, 1, 1_000_000))
                .withSeed(line.longOption("seed", -1))
                .withTemperature(line.floatOption("temperature",
                        Sampling.DEFAULT.temperature()));
        ModelOptions options = new ModelOptions(
                line.intOption("context", 0, 0, 1 << 20), line.intOption("threads", 0, 0, 512));
        return new Request(model, prompt, sampling, options, line.flag("stats"),
                budget(line.option("budget", null)));
    }

    private static long budget(String text) throws UsageException {
        if (text == null) {
            return 0;
        }
        try {
            long bytes = ByteSize.parse(text);
            if (bytes <= 0) {
                throw new UsageException("--budget must be more than 0");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--budget: " + e.getMessage());
        }
    }

    /** The parsed command line. */
    record Request(Path model, String prompt, Sampling sampling, ModelOptions options,
            boolean stats, long budgetBytes) {
    }
}
