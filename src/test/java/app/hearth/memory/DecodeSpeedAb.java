package app.hearth.memory;

import app.hearth.testsupport.LoadProbe;
import app.hearth.worker.EngineParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Decode speed of two engine settings side by side in one JVM: the same model loaded twice,
 * the same long prompt in both, then replies that alternate between them, so that the load
 * other programs put on the machine falls on both alike. Prints each round and the medians.
 * Run in a worker-like JVM ({@code OMP_WAIT_POLICY=PASSIVE}, its own
 * {@code de.kherud.llama.tmpdir}): {@code java -cp <test class path>
 * app.hearth.memory.DecodeSpeedAb model context promptTokens tokens rounds a b}, where a
 * setting reads {@code flash:ubatch}, for example {@code false:512}. Ends with
 * {@link System#exit}: the binding leaves a non-daemon thread behind.
 */
public final class DecodeSpeedAb {

    private DecodeSpeedAb() {
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Throwable e) {
            e.printStackTrace();
        }
        System.exit(status);
    }

    private static void run(String[] args) {
        Path model = Path.of(args[0]);
        int context = Integer.parseInt(args[1]);
        int promptTokens = Integer.parseInt(args[2]);
        int tokens = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        List<String> names = List.of(args[5], args[6]);
        int threads = Runtime.getRuntime().availableProcessors();
        List<LlamaModel> engines = new ArrayList<>();
        for (String name : names) {
            String[] parts = name.split(":");
            engines.add(new LlamaModel(EngineParameters.of(model.toString(), context, threads,
                    new EngineSettings(Boolean.parseBoolean(parts[0]),
                            Integer.parseInt(parts[1])))));
        }
        String prompt = LoadProbe.promptOf(engines.get(0), promptTokens);
        List<List<Double>> speeds = List.of(new ArrayList<>(), new ArrayList<>());
        for (int round = -1; round < rounds; round++) {
            for (int i = 0; i < 2; i++) {
                // Alternate which goes first; round -1 fills both caches and is not counted.
                int which = (round & 1) == 0 ? i : 1 - i;
                double speed = decode(engines.get(which), prompt, tokens);
                if (round >= 0) {
                    speeds.get(which).add(speed);
                    System.out.printf(Locale.ROOT, "round %d %s %.2f tok/s%n", round,
                            names.get(which), speed);
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            System.out.printf(Locale.ROOT, "median %s %.2f tok/s%n", names.get(i),
                    median(speeds.get(i)));
        }
    }

    /** Tokens per second after the first token of a reply of exactly {@code tokens}. */
    private static double decode(LlamaModel engine, String prompt, int tokens) {
        LlamaIterator outputs = engine.generate(LoadProbe.replyOf(prompt, tokens)).iterator();
        long first = 0;
        int count = 0;
        while (outputs.hasNext()) {
            outputs.next();
            count++;
            if (count == 1) {
                first = System.nanoTime();
            }
        }
        return (count - 1) * 1e9 / (System.nanoTime() - first);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
