package app.hearth.memory;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void countsWeightsAsTheFileAndSumsTheParts() throws Exception {
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
    void countsQ4WeightsOnceBecauseTheRepackedCopyReplacesTheReadInFile() throws Exception {
        GgufWriter.Spec spec = GgufWriter.Spec.tiny().withLayers(4);
        GgufModel q4 = GgufReader.read(GgufWriter.write(spec.withType(GgmlType.Q4_0),
                dir.resolve("q4.gguf")));
        GgufModel q8 = GgufReader.read(GgufWriter.write(spec.withType(GgmlType.Q8_0),
                dir.resolve("q8.gguf")));

        MemoryEstimate q4Estimate = MemoryEstimator.estimate(q4, 512);

        assertAll(
                () -> assertEquals(q4.fileSizeBytes(), q4Estimate.weightsBytes()),
                () -> assertEquals(MemoryEstimator.estimate(q8, 512).computeBytes(),
                        q4Estimate.computeBytes()));
    }

    @Test
    void smallerMicroBatchNeedsLessCompute() throws Exception {
        GgufModel model = GgufReader.read(SharedModels.path(SharedModels.STORIES));

        long large = MemoryEstimator.estimate(model, 4096, new EngineSettings(false, 512))
                .computeBytes();
        long small = MemoryEstimator.estimate(model, 4096, new EngineSettings(false, 128))
                .computeBytes();

        assertTrue(small < large, small + " is not below " + large);
    }

    @Test
    void flashAttentionLeavesTheAttentionScoresOut() throws Exception {
        GgufModel model = GgufReader.read(SharedModels.path(SharedModels.STORIES));

        long without = MemoryEstimator.estimate(model, 4096, new EngineSettings(false, 512))
                .computeBytes();
        long with = MemoryEstimator.estimate(model, 4096, new EngineSettings(true, 512))
                .computeBytes();

        assertTrue(with < without, with + " is not below " + without);
    }

    @Test
    void padsContextTo256CellsWithFlashAttention() throws Exception {
        GgufModel model = GgufReader.read(SharedModels.path(SharedModels.STORIES));
        EngineSettings flash = new EngineSettings(true, 512);

        MemoryEstimate padded = MemoryEstimator.estimate(model, 300, flash);

        assertEquals(MemoryEstimator.estimate(model, 512, flash).kvCacheBytes(),
                padded.kvCacheBytes());
    }

    @Test
    void estimatesWithoutFlashAttentionWhenKeyAndValueHeadsDiffer() throws Exception {
        GgufModel model = GgufReader.read(Files.write(dir.resolve("mla.gguf"),
                GgufBytes.header(3, 0, 7)
                        .kvString("general.architecture", "llama")
                        .kv("llama.block_count", 2L)
                        .kv("llama.attention.head_count", 4L)
                        .kv("llama.embedding_length", 256L)
                        .kv("llama.feed_forward_length", 512L)
                        .kv("llama.attention.key_length", 96L)
                        .kv("llama.attention.value_length", 64L)
                        .toByteArray()));
        EngineSettings flash = new EngineSettings(true, 512);

        MemoryEstimate estimate = MemoryEstimator.estimate(model, 1024, flash);

        assertAll(
                () -> assertFalse(flash.usesFlashAttention(model)),
                () -> assertEquals(MemoryEstimator.estimate(model, 1024,
                        new EngineSettings(false, 512)), estimate));
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
