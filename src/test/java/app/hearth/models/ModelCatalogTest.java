package app.hearth.models;

import app.hearth.gguf.GgufException;
import app.hearth.protocol.ModelOptions;
import app.hearth.testsupport.GgufWriter;
import app.hearth.testsupport.SharedModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCatalogTest {

    @TempDir
    Path folder;

    @Test
    void describesEachModelOfAFolderByFileName() throws IOException {
        Files.copy(SharedModels.tinyRandom(), folder.resolve("b.gguf"));
        Files.copy(SharedModels.stories(), folder.resolve("A.gguf"));
        Files.writeString(folder.resolve("notes.txt"), "not a model");

        List<ModelEntry> entries = ModelCatalog.scan(List.of(folder), List.of());

        assertEquals(List.of("A.gguf", "b.gguf"),
                entries.stream().map(ModelEntry::fileName).toList());
        ModelEntry stories = entries.get(0);
        assertAll(
                () -> assertTrue(stories.readable()),
                () -> assertEquals("llama", stories.header().architecture()),
                () -> assertEquals(Files.size(SharedModels.stories()), stories.sizeBytes()),
                () -> assertEquals(2048, stories.contextTokens()),
                () -> assertTrue(stories.estimatedBytes() > stories.sizeBytes()),
                () -> assertNull(stories.problem()));
    }

    @Test
    void listsABadFileWithItsReason() throws IOException {
        byte[] start = Files.readAllBytes(SharedModels.stories());
        Files.write(folder.resolve("broken.gguf"), java.util.Arrays.copyOf(start, 4000));

        List<ModelEntry> entries = ModelCatalog.scan(List.of(folder), List.of());

        ModelEntry broken = entries.get(0);
        assertFalse(broken.readable());
        assertEquals(GgufException.Reason.TRUNCATED, broken.reason());
        assertTrue(broken.problem().contains("broken.gguf"), broken.problem());
        assertEquals(4000, broken.sizeBytes());
        assertEquals(-1, broken.estimatedBytes());
    }

    @Test
    void estimatesAtTheModelsOwnContextWhenItIsSmallerThanTheDefault() throws IOException {
        Path small = GgufWriter.write(GgufWriter.Spec.tiny().withContextLength(512),
                folder.resolve("small.gguf"));
        Path large = GgufWriter.write(GgufWriter.Spec.tiny().withContextLength(32_768),
                folder.resolve("large.gguf"));

        ModelEntry smallEntry = ModelCatalog.describe(small);
        ModelEntry largeEntry = ModelCatalog.describe(large);

        assertEquals(512, smallEntry.contextTokens());
        assertEquals(ModelOptions.DEFAULT_CONTEXT_TOKENS, largeEntry.contextTokens());
    }

    @Test
    void addsSingleFilesOnceAndListsAMissingOneWithItsProblem() throws IOException {
        Path model = Files.copy(SharedModels.stories(), folder.resolve("stories.gguf"));
        Path missing = folder.resolve("gone.gguf");

        List<ModelEntry> entries = ModelCatalog.scan(List.of(folder),
                List.of(model, folder.resolve("./stories.gguf"), missing));

        assertEquals(List.of("gone.gguf", "stories.gguf"),
                entries.stream().map(ModelEntry::fileName).toList());
        assertEquals(GgufException.Reason.NOT_FOUND, entries.get(0).reason());
        assertEquals(-1, entries.get(0).sizeBytes());
    }
}
