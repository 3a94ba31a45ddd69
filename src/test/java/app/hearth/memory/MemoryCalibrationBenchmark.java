package app.hearth.memory;

import app.hearth.gguf.GgmlType;
import app.hearth.gguf.GgufModel;
import app.hearth.gguf.GgufReader;
import app.hearth.testsupport.ChildJvm;
import app.hearth.testsupport.GgufWriter;
import app.hearth.testsupport.LoadProbe;
import app.hearth.testsupport.ProbeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures what a fresh load, a short reply and a prompt that fills the context add to a
 * worker's resident memory, with the worker's own engine parameters, beside the estimate,
 * for the shared models and generated ones. Run on purpose, not in the build:
 * {@code java -cp <test class path> app.hearth.memory.MemoryCalibrationBenchmark [dir]}.
 */
public final class MemoryCalibrationBenchmark {

    private static final double MIB = 1 << 20;

    private MemoryCalibrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(System.getProperty("hearth.shared.models", "../shared/models"));
        Path work = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/calib"));
        List<Path> models = new ArrayList<>();
        for (String name : List.of("stories260K.gguf", "llama-2-tiny-random.gguf")) {
            models.add(shared.resolve(name));
        }
        models.add(generate(work, 50L << 20, GgmlType.F32, 512));
        models.add(generate(work, 100L << 20, GgmlType.Q8_0, 768));
        models.add(generate(work, 150L << 20, GgmlType.F16, 1024));
        models.add(generate(work, 250L << 20, GgmlType.Q4_0, 2048));
        int[] contexts = args.length > 1 ? new int[] {Integer.parseInt(args[1])}
                : new int[] {512, 2048};
        System.out.println("model ctx phase measuredMiB estimateMiB ratio anonMiB");
        for (Path model : models) {
            for (int context : contexts) {
                measure(model, context, work);
            }
        }
    }

    private static Path generate(Path dir, long bytes, GgmlType type, int embd)
            throws Exception {
        Path file = dir.resolve("calib-" + (bytes >> 20) + "m-" + type + ".gguf");
        if (!Files.exists(file)) {
            GgufWriter.write(GgufWriter.Spec.ofRoughly(bytes, type, embd), file);
        }
        return file;
    }

    private static void measure(Path model, int context, Path work) throws Exception {
        GgufModel gguf = GgufReader.read(model);
        double estimated = MemoryEstimator.estimate(gguf, context).totalBytes() / MIB;
        ProbeResult probe = new ProbeResult(ChildJvm.run(LoadProbe.class,
                work.resolve("probe"), 600, model.toString(), String.valueOf(context),
                String.valueOf(context - 48), "8"));
        for (String phase : List.of("loaded", "short", "generated")) {
            double grown = probe.grownBytes(phase) / MIB;
            double anon = (probe.anonymousBytes(phase) - probe.anonymousBytes("library")) / MIB;
            System.out.printf(Locale.ROOT, "%s %d %s %.1f %.1f %.2f %.1f%n",
                    model.getFileName(), context, phase, grown, estimated, estimated / grown,
                    anon);
        }
    }
}
