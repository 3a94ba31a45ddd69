package app.hearth.gguf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.hearth.testsupport.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

class GgufReaderRealModelsTest {

    @Test
    void readsStories260kHyperparameters() throws Exception {
        var file = Models.shared(Models.STORIES);

        GgufModel model = GgufReader.read(file);

        assertAll(
                () -> assertEquals(3, model.version()),
                () -> assertEquals(1_185_376, model.fileSizeBytes()),
                () -> assertEquals("llama", model.architecture()),
                () -> assertEquals("llama", model.name()),
                () -> assertEquals(5, model.blockCount()),
                () -> assertEquals(64, model.embeddingLength()),
                () -> assertEquals(8, model.headCount()),
                () -> assertEquals(4, model.kvHeadCount()),
                () -> assertEquals(8, model.headSize()),
                () -> assertEquals(172, model.feedForwardLength()),
                () -> assertEquals(2048, model.contextLength()),
                () -> assertEquals(512, model.vocabularySize()),
                () -> assertEquals("F32", model.fileType()),
                () -> assertEquals(GgmlType.F32, model.dominantTensorType()),
                () -> assertNull(model.chatTemplate()),
                () -> assertEquals(TemplateFamily.NONE, model.templateFamily()));
    }

    @Test
    void readsStories260kTensorIndex() throws Exception {
        var file = Models.shared(Models.STORIES);

        GgufModel model = GgufReader.read(file);

        GgufTensor first = model.tensors().get(0);
        assertAll(
                () -> assertEquals(48, model.tensors().size()),
                () -> assertEquals(292_800, model.parameterCount()),
                () -> assertEquals(14_176, model.dataOffset()),
                () -> assertEquals(32, model.alignment()),
                () -> assertEquals("token_embd.weight", first.name()),
                () -> assertEquals(List.of(64L, 512L), first.dims()),
                () -> assertEquals(131_072, first.byteSize()),
                () -> assertEquals(0, first.offset()));
    }

    @Test
    void readsTinyRandomLlama2AsF16WithFullVocabulary() throws Exception {
        var file = Models.shared(Models.TINY_RANDOM);

        GgufModel model = GgufReader.read(file);

        assertAll(
                () -> assertEquals("LLaMA v2", model.name()),
                () -> assertEquals(1_750_560, model.fileSizeBytes()),
                () -> assertEquals(1, model.blockCount()),
                () -> assertEquals(8, model.embeddingLength()),
                () -> assertEquals(2, model.headCount()),
                () -> assertEquals(2, model.kvHeadCount()),
                () -> assertEquals(4096, model.contextLength()),
                () -> assertEquals(32_000, model.vocabularySize()),
                () -> assertEquals("F16", model.fileType()),
                () -> assertEquals(GgmlType.F16, model.dominantTensorType()),
                () -> assertEquals(12, model.tensors().size()),
                () -> assertEquals(513_048, model.parameterCount()));
    }

    @Test
    void countsLongArraysWithoutKeepingThem() throws Exception {
        var file = Models.shared(Models.TINY_RANDOM);

        GgufModel model = GgufReader.read(file);

        GgufArray tokens = (GgufArray) model.value("tokenizer.ggml.tokens").orElseThrow();
        assertAll(
                () -> assertEquals("STRING", tokens.elementType()),
                () -> assertEquals(32_000, tokens.length()),
                () -> assertTrue(tokens.values().isEmpty()));
    }

    @Test
    void readsLlama2ChatTemplate() throws Exception {
        var file = Models.shared(Models.STORIES_CHAT);

        GgufModel model = GgufReader.read(file);

        assertAll(
                () -> assertEquals(1_186_016, model.fileSizeBytes()),
                () -> assertTrue(model.chatTemplate().contains("[INST]")),
                () -> assertTrue(model.chatTemplate().contains("<<SYS>>")),
                () -> assertEquals(TemplateFamily.LLAMA2, model.templateFamily()),
                () -> assertEquals(292_800, model.parameterCount()));
    }

    @Test
    void answersOtherMetadataByKey() throws Exception {
        var file = Models.shared(Models.STORIES);

        GgufModel model = GgufReader.read(file);

        assertAll(
                () -> assertEquals("llama", model.string("tokenizer.ggml.model").orElseThrow()),
                () -> assertEquals(1, model.integer("tokenizer.ggml.bos_token_id").getAsLong()),
                () -> assertEquals(1e-5, (Double) model.value(
                        "llama.attention.layer_norm_rms_epsilon").orElseThrow(), 1e-9),
                () -> assertTrue(model.string("no.such.key").isEmpty()));
    }
}
