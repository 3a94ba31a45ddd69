package app.hearth.models;

import app.hearth.gguf.GgmlType;
import app.hearth.testsupport.GgufWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times listing a folder of 100 generated models the way the picker and {@code hearth models}
 * do (every header read and estimated), against a target of well under a second. Run on
 * purpose, not in the build:
 *
 * <pre>mvn -q -B test-compile exec:exec -Dhearth.main=app.hearth.models.ModelListingBenchmark
 *     -Dexec.classpathScope=test</pre>
 */
public final class ModelListingBenchmark {

    private static final int MODELS = 100;
    private static final int ROUNDS = 7;
    private static final GgmlType[] TYPES = {GgmlType.F32, GgmlType.F16, GgmlType.Q8_0,
            GgmlType.Q4_0};

    private ModelListingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("hearth-listing-");
        try {
            write(folder);
            long[] ms = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long started = System.nanoTime();
                List<ModelEntry> entries = ModelCatalog.scan(List.of(folder), List.of());
                ms[round] = (System.nanoTime() - started) / 1_000_000;
                if (entries.size() != MODELS || !entries.stream().allMatch(ModelEntry::readable)) {
                    throw new IllegalStateException("listed " + entries.size() + " models");
                }
            }
            report(ms);
        } finally {
            delete(folder);
        }
    }

    /** 100 small models of four tensor types, 1 to 4 layers, with and without a template. */
    private static void write(Path folder) throws IOException {
        for (int i = 0; i < MODELS; i++) {
            GgufWriter.Spec spec = GgufWriter.Spec.tiny().withType(TYPES[i % TYPES.length])
                    .withLayers(1 + i % 4)
                    .withChatTemplate(i % 2 == 0 ? null : "{{ '[INST] ' + m + ' [/INST]' }}");
            GgufWriter.write(spec, folder.resolve(String.format(Locale.ROOT, "model-%03d.gguf",
                    i)));
        }
    }

    private static void report(long[] ms) {
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "Listed %d models: first %d ms (cold), median %d ms, "
                + "best %d ms; target < 1000 ms%n", MODELS, ms[0], sorted[ROUNDS / 2],
                sorted[0]);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
