package app.hearth.ui.window;

import app.hearth.chat.AtomicFile;
import com.google.gson.Gson;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps the main window's placement in {@code window.json} in the data folder. Blocks on the
 * disk: never on the JavaFX thread. A missing or unreadable file only means the default place.
 */
public final class WindowPlacementStore {

    private final Path file;
    private final Gson gson = new Gson();

    public WindowPlacementStore(Path file) {
        this.file = file;
    }

    /** The placement saved last, if there is a usable one. */
    public Optional<WindowPlacement> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            WindowPlacement read = gson.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                    WindowPlacement.class);
            return Optional.ofNullable(read).filter(p -> p.width() > 0 && p.height() > 0);
        } catch (IOException | RuntimeException e) {
            // Broad on purpose: gson reports bad values as plain RuntimeExceptions.
            Logger.warn("Ignored the window placement in {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Saves the placement; a failure is logged, as nothing but the window's place is lost. */
    public void save(WindowPlacement placement) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFile.write(file, gson.toJson(placement).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            Logger.warn("Could not save the window placement in {}: {}", file, e.getMessage());
        }
    }
}
