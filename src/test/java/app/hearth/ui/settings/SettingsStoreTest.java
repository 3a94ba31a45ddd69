package app.hearth.ui.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingsStoreTest {

    @TempDir
    Path folder;

    @Test
    void readsBackWhatItSaved() throws IOException {
        SettingsStore store = new SettingsStore(folder.resolve("data/settings.json"));
        AppSettings saved = new AppSettings(8L << 30, 10, List.of("/models/more"), 4, 8192,
                Theme.DARK);

        store.save(saved);

        assertEquals(saved, new SettingsStore(folder.resolve("data/settings.json")).load());
    }

    @Test
    void startsWithTheDefaultsWhenThereIsNoFile() {
        SettingsStore store = new SettingsStore(folder.resolve("settings.json"));

        assertEquals(AppSettings.DEFAULT, store.load());
    }

    @Test
    void fallsBackToTheDefaultsForADamagedFile() throws IOException {
        Path file = Files.writeString(folder.resolve("settings.json"), "{\"theme\": 12, ");

        assertEquals(AppSettings.DEFAULT, new SettingsStore(file).load());
    }

    @Test
    void fillsInWhatAnOlderFileLacks() throws IOException {
        Path file = Files.writeString(folder.resolve("settings.json"), "{\"threads\": 2}");

        AppSettings loaded = new SettingsStore(file).load();

        assertEquals(2, loaded.threads());
        assertEquals(Theme.SYSTEM, loaded.theme());
        assertEquals(4096, loaded.defaultContextSize());
        assertEquals(List.of(), loaded.modelsFolders());
    }
}
