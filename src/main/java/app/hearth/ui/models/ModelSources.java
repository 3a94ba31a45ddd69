package app.hearth.ui.models;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * The folders and single files a person added to the model picker, remembered in a small JSON
 * file in the data folder. Blocks on the disk: call it on the background executor only.
 */
final class ModelSources {

    /** What the file holds; paths as text. */
    record Saved(List<String> folders, List<String> files) {

        static final Saved EMPTY = new Saved(List.of(), List.of());

        Saved {
            folders = folders == null ? List.of() : List.copyOf(folders);
            files = files == null ? List.of() : List.copyOf(files);
        }

        List<Path> folderPaths() {
            return paths(folders);
        }

        List<Path> filePaths() {
            return paths(files);
        }

        private static List<Path> paths(List<String> names) {
            return names.stream().filter(Objects::nonNull).map(Saved::pathOf)
                    .filter(Objects::nonNull).distinct().toList();
        }

        private static Path pathOf(String name) {
            try {
                return Path.of(name).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                return null;
            }
        }
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final Path file;

    ModelSources(Path file) {
        this.file = file;
    }

    /** The saved sources; none when the file is missing or damaged (a warning is logged). */
    Saved load() {
        if (!Files.exists(file)) {
            return Saved.EMPTY;
        }
        try {
            Saved saved = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                    Saved.class);
            return saved == null ? Saved.EMPTY : new Saved(saved.folders(), saved.files());
        } catch (IOException | RuntimeException e) {
            Logger.warn(e, "Ignored the damaged list of model folders {}", file);
            return Saved.EMPTY;
        }
    }

    /** Writes the sources atomically: a temporary file, then a rename. */
    void save(List<Path> folders, List<Path> files) throws IOException {
        Saved saved = new Saved(folders.stream().map(Path::toString).toList(),
                files.stream().map(Path::toString).toList());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, GSON.toJson(saved), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
