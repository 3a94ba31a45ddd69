package app.hearth.testsupport;

import app.hearth.memory.EngineSettings;
import app.hearth.worker.EngineParameters;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A child-JVM program that loads a model with the worker's own engine parameters
 * ({@link EngineParameters}) and prints the process's memory (from {@code /proc/self/status},
 * in kB) after each phase, one line per phase: {@code phase <name> <VmRSS> <RssAnon>
 * <RssFile>}. The phases: {@code library} (the native library linked, no model),
 * {@code loaded} (a fresh load), {@code short} (after a short reply, as a chat begins) and
 * {@code generated} (after a prompt that nearly fills the context, as a long chat ends).
 *
 * <p>Each reply also prints {@code timing <name> <promptTokens> <promptMs> <decodeTokens>
 * <decodeMs>}: the prompt's time is until the first token, decoding is the tokens after it.
 *
 * <p>Arguments: model path, context size in tokens, prompt length in tokens (at least), tokens
 * to generate, and optionally flash attention ({@code true}/{@code false}) and the
 * micro-batch in tokens, which default to the worker's ({@link EngineSettings#WORKER}).
 * Threads are the worker's default, one per processor. The binding leaves a native
 * non-daemon thread, so this always ends with {@link System#exit}.
 */
public final class LoadProbe {

    private LoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        int status = 1;
        try {
            EngineSettings settings = args.length > 5
                    ? new EngineSettings(Boolean.parseBoolean(args[4]),
                            Integer.parseInt(args[5]))
                    : EngineSettings.WORKER;
            run(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]), settings);
            status = 0;
        } catch (Throwable ex) {
            ex.printStackTrace();
        } finally {
            System.out.flush();
            System.exit(status);
        }
    }

    private static void run(Path model, int context, int promptTokens, int predict,
            EngineSettings settings) throws Exception {
        // Loading the class extracts and links the native library: that cost is paid once
        // per worker, not per model, so it belongs to the baseline.
        Class.forName(LlamaModel.class.getName(), true, LoadProbe.class.getClassLoader());
        report("library");
        int threads = Runtime.getRuntime().availableProcessors();
        LlamaModel llama = new LlamaModel(EngineParameters.of(model.toString(), context,
                threads, settings));
        report("loaded");

        reply(llama, "short", "Once upon a time", predict);
        report("short");

        reply(llama, "long", promptOf(llama, promptTokens), predict);
        report("generated");
    }

    /** Streams a reply of exactly {@code predict} tokens and prints its timing. */
    private static void reply(LlamaModel llama, String name, String prompt, int predict) {
        int promptTokens = llama.encode(prompt).length;
        long started = System.nanoTime();
        long first = 0;
        int tokens = 0;
        LlamaIterator outputs = llama.generate(replyOf(prompt, predict)).iterator();
        while (outputs.hasNext()) {
            outputs.next();
            tokens++;
            if (tokens == 1) {
                first = System.nanoTime();
            }
        }
        long ended = System.nanoTime();
        System.out.printf(Locale.ROOT, "timing %s %d %.1f %d %.1f%n", name, promptTokens,
                (first - started) / 1e6, tokens - 1, (ended - first) / 1e6);
    }

    /** A sampled reply of exactly {@code predict} tokens that reuses the cached prompt. */
    public static InferenceParameters replyOf(String prompt, int predict) {
        return new InferenceParameters(prompt)
                .setNPredict(predict)
                .setIgnoreEos(true)
                .setSeed(1)
                .setTemperature(0.7f)
                .setCachePrompt(true);
    }

    /** A prompt of at least {@code tokens} tokens, and at most a sentence more. */
    public static String promptOf(LlamaModel llama, int tokens) {
        StringBuilder prompt = new StringBuilder("Once upon a time");
        while (llama.encode(prompt.toString()).length < tokens) {
            prompt.append(" the cat sat on a mat and sang.");
        }
        return prompt.toString();
    }

    private static void report(String phase) throws IOException {
        long rss = 0;
        long anon = 0;
        long file = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            String[] parts = line.split("\\s+");
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(parts[1]);
            } else if (line.startsWith("RssAnon:")) {
                anon = Long.parseLong(parts[1]);
            } else if (line.startsWith("RssFile:")) {
                file = Long.parseLong(parts[1]);
            }
        }
        System.out.println("phase " + phase + " " + rss + " " + anon + " " + file);
    }
}
