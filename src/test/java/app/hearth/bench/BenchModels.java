package app.hearth.bench;

import app.hearth.gguf.GgmlType;
import app.hearth.testsupport.GgufWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The models the benchmark runs: the demo model and two random-weight llama models written
 * once into a cache folder under {@code target/} and reused while their size matches.
 */
final class BenchModels {

    /** Word pieces of the synthetic vocabulary; the writer cannot make more than ~1,700. */
    private static final int VOCAB = 1024;

    /** One model: a short name for the table, its file, its parameter count. */
    record BenchModel(String name, Path file, long parameters) {
    }

    private BenchModels() {
    }

    /** The demo model, then the ~135M Q8_0 and the ~1B Q4_0 model, smallest first. */
    static List<BenchModel> all(Path cache) throws IOException {
        Path demo = sharedFolder().resolve("stories260K.gguf");
        if (!Files.isRegularFile(demo)) {
            throw new IllegalStateException("The demo model is missing: expected it at " + demo
                    + " (set -Dhearth.shared.models to the shared models folder)");
        }
        return List.of(
                new BenchModel("stories260K F32 (demo)", demo, 260_000),
                synthetic("135M Q8_0", small(), cache.resolve("random-135m-q8_0.gguf")),
                synthetic("1B Q4_0 GQA", large(), cache.resolve("random-1b-q4_0.gguf")));
    }

    /** The shared models folder, as surefire and the bench profile name it. */
    static Path sharedFolder() {
        return Path.of(System.getProperty("hearth.shared.models", "../shared/models"))
                .toAbsolutePath().normalize();
    }

    /**
     * SmolLM-135M's block shape (576 wide, 9 heads, 3 KV heads, FFN 1536). Its real 49k
     * vocabulary is out of the writer's reach, so 38 blocks instead of 30 bring the weights
     * read per token, and the parameter count, back to ~135M.
     */
    static GgufWriter.Spec small() {
        return new GgufWriter.Spec(38, 576, 9, 3, 1536, 2048, GgmlType.Q8_0, VOCAB, null, 135);
    }

    /**
     * Llama 3.2 1B's block shape (2048 wide, 32 heads, 8 KV heads: grouped-query attention,
     * FFN 8192). 20 blocks instead of 16 stand in for its 128k-token output matrix, so the
     * weights read per token (~1.2B parameters) match the real model.
     */
    static GgufWriter.Spec large() {
        return new GgufWriter.Spec(20, 2048, 32, 8, 8192, 2048, GgmlType.Q4_0, VOCAB, null, 1);
    }

    private static BenchModel synthetic(String name, GgufWriter.Spec spec, Path file)
            throws IOException {
        if (!isComplete(spec, file)) {
            write(spec, file);
        }
        return new BenchModel(name, file, spec.parameterCount());
    }

    /**
     * Writes beside the target and renames: a loaded file changed in place kills a worker.
     * A sidecar remembers the spec and size, so a half-written or outdated file is redone.
     */
    private static void write(GgufWriter.Spec spec, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long started = System.nanoTime();
        System.out.printf("Writing %s (%,d parameters)...%n", file.getFileName(),
                spec.parameterCount());
        GgufWriter.write(spec, partial);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(sidecar(file), spec + "\n" + Files.size(file) + "\n");
        System.out.printf("  %,d bytes in %.1f s%n", Files.size(file),
                (System.nanoTime() - started) / 1e9);
    }

    private static boolean isComplete(GgufWriter.Spec spec, Path file) throws IOException {
        Path sidecar = sidecar(file);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(sidecar)) {
            return false;
        }
        List<String> lines = Files.readAllLines(sidecar);
        return lines.size() == 2 && lines.get(0).equals(spec.toString())
                && lines.get(1).equals(String.valueOf(Files.size(file)));
    }

    private static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + ".spec");
    }
}
