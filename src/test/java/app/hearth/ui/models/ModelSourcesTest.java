package app.hearth.ui.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelSourcesTest {

    @TempDir
    Path data;

    @Test
    void remembersAddedFoldersAndFiles() throws IOException {
        ModelSources sources = new ModelSources(data.resolve("model-sources.json"));
        Path folder = data.resolve("more models");
        Path file = data.resolve("elsewhere/one.gguf");

        sources.save(List.of(folder), List.of(file));
        ModelSources.Saved saved = new ModelSources(data.resolve("model-sources.json")).load();

        assertEquals(List.of(folder), saved.folderPaths());
        assertEquals(List.of(file), saved.filePaths());
    }

    @Test
    void startsEmptyWithoutAFileOrWithADamagedOne() throws IOException {
        Path damaged = Files.writeString(data.resolve("damaged.json"), "{\"folders\": [1, ");

        ModelSources.Saved none = new ModelSources(data.resolve("missing.json")).load();
        ModelSources.Saved fromDamaged = new ModelSources(damaged).load();

        assertEquals(ModelSources.Saved.EMPTY, none);
        assertEquals(ModelSources.Saved.EMPTY, fromDamaged);
    }
}
