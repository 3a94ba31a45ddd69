package app.hearth.memory;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.hearth.gguf.GgmlType;
import app.hearth.gguf.GgufModel;
import app.hearth.gguf.GgufReader;
import app.hearth.testsupport.GgufBytes;
import app.hearth.testsupport.GgufWriter;
import app.hearth.testsupport.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemoryEstimatorTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"stories260K.gguf,2048,1310720", "stories260K.gguf,512,327680",
        "llama-2-tiny-random.gguf,4096,131072", "llama-2-tiny-random.gguf,512,16384"})
    void sizesF16KvCacheFromLayersHeadsAndContext(String name, int context, long expected)
            throws Exception {
        GgufModel model = GgufReader.read(SharedModels.path(name));

        MemoryEstimate estimate = MemoryEstimator.estimate(model, context);

        assertEquals(expected, estimate.kvCacheBytes());
    }

    @Test
    void countsWeightsAsTheMappedFileAndSumsTheParts() throws Exception {
        GgufModel model = GgufReader.read(SharedModels.path(SharedModels.STORIES));

        MemoryEstimate estimate = MemoryEstimator.estimate(model, 2048);

        assertAll(
                () -> assertEquals(1_185_376, estimate.weightsBytes()),
                () -> assertTrue(estimate.computeBytes() > 0),
                () -> assertEquals(estimate.weightsBytes() + estimate.kvCacheBytes()
                        + estimate.computeBytes(), estimate.totalBytes()));
    }

    @Test
    void padsContextAsLlamaCppDoes() throws Exception {
        GgufModel model = GgufReader.read(SharedModels.path(SharedModels.STORIES));

        MemoryEstimate padded = MemoryEstimator.estimate(model, 500);

        assertEquals(MemoryEstimator.estimate(model, 512), padded);
    }

    @Test
    void growsComputeWithContext() throws Exception {
        GgufModel model = GgufReader.read(SharedModels.path(SharedModels.STORIES));

        MemoryEstimate small = MemoryEstimator.estimate(model, 512);
        MemoryEstimate large = MemoryEstimator.estimate(model, 4096);

        assertTrue(large.computeBytes() > small.computeBytes());
    }

    @Test
    void countsRepackedCopyOfQ4Weights() throws Exception {
        GgufWriter.Spec spec = GgufWriter.Spec.tiny().withLayers(4);
        GgufModel q4 = GgufReader.read(GgufWriter.write(spec.withType(GgmlType.Q4_0),
                dir.resolve("q4.gguf")));
        GgufModel q8 = GgufReader.read(GgufWriter.write(spec.withType(GgmlType.Q8_0),
                dir.resolve("q8.gguf")));

        long extra = MemoryEstimator.estimate(q4, 512).computeBytes()
                - MemoryEstimator.estimate(q8, 512).computeBytes();

        assertTrue(extra > q4.fileSizeBytes() / 2, "extra " + extra);
    }

    @Test
    void saturatesInsteadOfOverflowingOnAbsurdHeader() throws Exception {
        Path file = Files.write(dir.resolve("absurd.gguf"), GgufBytes.header(3, 0, 5)
                .kvString("general.architecture", "llama")
                .kv("llama.block_count", Long.MAX_VALUE / 2)
                .kv("llama.attention.head_count", Long.MAX_VALUE / 2)
                .kv("llama.embedding_length", Long.MAX_VALUE)
                .kv("llama.feed_forward_length", Long.MAX_VALUE)
                .toByteArray());
        GgufModel model = GgufReader.read(file);

        MemoryEstimate estimate = MemoryEstimator.estimate(model, Integer.MAX_VALUE);

        assertAll(
                () -> assertEquals(Long.MAX_VALUE, estimate.totalBytes()),
                () -> assertTrue(estimate.kvCacheBytes() > 0, estimate::toString),
                () -> assertTrue(estimate.computeBytes() > 0, estimate::toString));
    }

    @Test
    void refusesEmptyContext() throws Exception {
        GgufModel model = GgufReader.read(SharedModels.path(SharedModels.STORIES));

        assertThrows(IllegalArgumentException.class, () -> MemoryEstimator.estimate(model, 0));
    }
}
