package app.hearth.gguf;

import app.hearth.testsupport.ControlTokenModels;
import app.hearth.testsupport.SharedModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The control tokens of a vocabulary, read from real and rewritten model files. */
class ControlTokensTest {

    @TempDir
    Path folder;

    @Test
    void readsTheBeginningAndEndTokensOfStories260k() throws Exception {
        GgufModel model = GgufReader.readWithVocabulary(SharedModels.stories());

        assertEquals(List.of("<s>", "</s>"), model.controlTokens());
    }

    @Test
    void readsChatMarkersThatAVocabularyMarksAsControl() throws Exception {
        Path chatMl = ControlTokenModels.chatMl(folder);

        List<String> control = GgufReader.readWithVocabulary(chatMl).controlTokens();

        assertEquals(List.of("<s>", "</s>", "<|im_start|>", "<|im_end|>"), control);
    }

    @Test
    void keepsNoRealVocabularyInAnOrdinaryRead() throws Exception {
        GgufModel model = GgufReader.read(SharedModels.tinyRandom());

        assertEquals(List.of(), model.controlTokens());
        assertFalse(((GgufArray) model.value("tokenizer.ggml.tokens").orElseThrow()).isKept());
    }

    @Test
    void readsTheLlama2VocabularyOfThirtyTwoThousandTokens() throws Exception {
        GgufModel model = GgufReader.readWithVocabulary(SharedModels.tinyRandom());

        assertEquals(32_000, model.vocabularySize());
        assertEquals(List.of("<s>", "</s>"), model.controlTokens());
    }
}
