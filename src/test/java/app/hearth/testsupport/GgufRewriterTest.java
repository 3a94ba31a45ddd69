package app.hearth.testsupport;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.hearth.gguf.GgufModel;
import app.hearth.gguf.GgufReader;
import app.hearth.gguf.TemplateFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufRewriterTest {

    @TempDir
    Path dir;

    @Test
    void addsChatTemplateAndKeepsEverythingElse() throws Exception {
        Path source = SharedModels.path(SharedModels.STORIES);
        Path target = dir.resolve("chatml.gguf");

        GgufRewriter.copy(source, target, Map.of("tokenizer.chat_template",
                ChatTemplates.CHATML), Set.of());

        GgufModel before = GgufReader.read(source);
        GgufModel after = GgufReader.read(target);
        assertAll(
                () -> assertEquals(TemplateFamily.CHATML, after.templateFamily()),
                () -> assertEquals(before.metadata().size() + 1, after.metadata().size()),
                () -> assertEquals(before.tensors(), after.tensors()),
                () -> assertEquals(0, after.dataOffset() % after.alignment()),
                () -> assertArrayEquals(data(before), data(after)));
    }

    @Test
    void replacesAndRemovesKeys() throws Exception {
        Path source = SharedModels.path(SharedModels.STORIES_CHAT);
        Path target = dir.resolve("renamed.gguf");

        GgufRewriter.copy(source, target, Map.of("general.name", "Renamed"),
                Set.of("tokenizer.chat_template"));

        GgufModel after = GgufReader.read(target);
        assertAll(
                () -> assertEquals("Renamed", after.name()),
                () -> assertFalse(after.metadata().containsKey("tokenizer.chat_template")),
                () -> assertEquals(TemplateFamily.NONE, after.templateFamily()),
                () -> assertEquals(292_800, after.parameterCount()));
    }

    private static byte[] data(GgufModel model) throws Exception {
        byte[] bytes = Files.readAllBytes(model.file());
        return Arrays.copyOfRange(bytes, (int) model.dataOffset(), bytes.length);
    }
}
