package app.hearth.ui.settings;

import app.hearth.chat.AtomicFile;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link AppSettings} as JSON, atomically. Blocks on the disk: never on the
 * JavaFX thread.
 */
public final class SettingsStore {

    private final Path file;
    private final Gson gson = new GsonBuilder().setPrettyPrinting().create();

    /** @param file the settings file, {@code settings.json} in the data folder */
    public SettingsStore(Path file) {
        this.file = file;
    }

    /** The saved settings; the defaults when there are none or they cannot be read. */
    public AppSettings load() {
        if (!Files.isRegularFile(file)) {
            return AppSettings.DEFAULT;
        }
        try {
            AppSettings read = gson.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                    AppSettings.class);
            return read == null ? AppSettings.DEFAULT : read;
        } catch (IOException | RuntimeException e) {
            // Broad on purpose: gson wraps bad field values in plain RuntimeExceptions.
            Logger.warn(e, "Could not read the settings in {}; using the defaults", file);
            return AppSettings.DEFAULT;
        }
    }

    /** Saves the settings; on failure the file keeps the previous ones. */
    public void save(AppSettings settings) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, gson.toJson(settings).getBytes(StandardCharsets.UTF_8));
    }
}
