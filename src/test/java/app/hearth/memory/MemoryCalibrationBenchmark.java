package app.hearth.memory;

import app.hearth.gguf.GgmlType;
import app.hearth.gguf.GgufModel;
import app.hearth.gguf.GgufReader;
import app.hearth.testsupport.ChildJvm;
import app.hearth.testsupport.GgufWriter;
import app.hearth.testsupport.LoadProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures what loading and a short generation add to a worker's resident memory, beside
 * the estimate, for the shared models and generated ones. Run on purpose, not in the build:
 * {@code java -cp <test class path> app.hearth.memory.MemoryCalibrationBenchmark [dir]}.
 */
public final class MemoryCalibrationBenchmark {

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
        System.out.println("model ctx phase measuredMiB estimateMiB ratio anonMiB fileMiB");
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
        MemoryEstimate estimate = MemoryEstimator.estimate(gguf, context);
        ChildJvm.Result result = ChildJvm.run(LoadProbe.class, work.resolve("probe"), 300,
                model.toString(), String.valueOf(context), String.valueOf(context - 48), "8");
        long[] base = phase(result, "library");
        for (String name : List.of("generated")) {
            long[] now = phase(result, name);
            double grown = (now[0] - base[0]) / 1024.0;
            double estimated = estimate.totalBytes() / 1048576.0;
            System.out.printf("%s %d %s %.1f %.1f %.2f %.1f %.1f%n", model.getFileName(),
                    context, name, grown, estimated, estimated / grown,
                    (now[1] - base[1]) / 1024.0, (now[2] - base[2]) / 1024.0);
        }
    }

    private static long[] phase(ChildJvm.Result result, String name) {
        for (String line : result.stdout()) {
            String[] parts = line.split(" ");
            if (parts.length == 5 && parts[0].equals("phase") && parts[1].equals(name)) {
                return new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                    Long.parseLong(parts[4])};
            }
        }
        throw new IllegalStateException("no phase " + name + " (exit " + result.exitCode()
                + "): " + result.stderr());
    }
}
