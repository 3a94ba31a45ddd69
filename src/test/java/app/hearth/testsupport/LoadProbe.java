package app.hearth.testsupport;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child-JVM program that loads a model with the binding and prints the process's memory
 * (from {@code /proc/self/status}, in kB) after each phase, one line per phase:
 * {@code phase <name> <VmRSS> <RssAnon> <RssFile>}.
 *
 * <p>Arguments: model path, context size in tokens, prompt length in tokens (at least), tokens
 * to generate, and optionally {@code log} to keep llama.cpp's log on stderr. A prompt that
 * nearly fills the context makes llama.cpp use its whole compute buffer, as a long chat does.
 * The binding leaves a native non-daemon thread, so this always ends with {@link System#exit}.
 */
public final class LoadProbe {

    private LoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        int status = 1;
        try {
            run(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]), args.length > 4 && args[4].equals("log"));
            status = 0;
        } catch (Throwable ex) {
            ex.printStackTrace();
        } finally {
            System.out.flush();
            System.exit(status);
        }
    }

    private static void run(Path model, int context, int promptTokens, int predict,
            boolean nativeLog) throws Exception {
        // Loading the class extracts and links the native library: that cost is paid once
        // per worker, not per model, so it belongs to the baseline.
        Class.forName(LlamaModel.class.getName(), true, LoadProbe.class.getClassLoader());
        report("library");
        ModelParameters parameters = new ModelParameters()
                .setModel(model.toString())
                .setCtxSize(context);
        LlamaModel llama = new LlamaModel(nativeLog ? parameters : parameters.disableLog());
        report("loaded");
        String prompt = promptOf(llama, promptTokens);
        String text = llama.complete(new InferenceParameters(prompt)
                .setNPredict(predict)
                .setSeed(1)
                .setTemperature(0.7f));
        report("generated");
        System.out.println("text " + text.length());
    }

    private static String promptOf(LlamaModel llama, int tokens) {
        StringBuilder prompt = new StringBuilder("Once upon a time");
        String[] words = {" the", " cat", " sat", " on", " a", " mat", " and", " sang"};
        for (int i = 0; llama.encode(prompt.toString()).length < tokens; i++) {
            prompt.append(words[i % words.length]);
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
