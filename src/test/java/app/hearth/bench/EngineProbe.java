package app.hearth.bench;

import java.nio.file.Path;

/**
 * A child JVM of the tuning sweep: loads one model in-process with the settings in its
 * arguments, and prints one {@code RESULT} line per timed reply. The environment (OpenMP
 * settings) is the parent's choice. Ends with {@code System.exit}: the binding leaves a
 * non-daemon thread behind.
 *
 * <p>Arguments: model, threads, skipWarmup, batch, ubatch, rounds, maxTokens.
 */
public final class EngineProbe {

    private EngineProbe() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            probe(args);
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void probe(String[] args) {
        Path model = Path.of(args[0]);
        EngineConfig config = new EngineConfig(Integer.parseInt(args[1]), 2048,
                Boolean.parseBoolean(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4]));
        int rounds = Integer.parseInt(args[5]);
        int maxTokens = Integer.parseInt(args[6]);

        InProcessEngine engine = new InProcessEngine(model, config);
        // Short prompts: the sweep is about decoding, and long prompts cost minutes here.
        engine.generate(ShortPrompts.of(9), maxTokens);
        for (int round = 0; round < rounds; round++) {
            Generated result = engine.generate(ShortPrompts.of(round), maxTokens);
            System.out.printf(java.util.Locale.ROOT, "RESULT %.3f %.3f %d%n", result.ttftMs(),
                    result.tokensPerSecond(), result.tokens());
        }
    }
}
