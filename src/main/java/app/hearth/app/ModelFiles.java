package app.hearth.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds GGUF files in a models folder. Reads the disk: never call it on the JavaFX thread. */
public final class ModelFiles {

    /** The model the app opens on when it is present. */
    public static final String DEFAULT_MODEL = "stories260K.gguf";

    private ModelFiles() {
    }

    /** The {@code .gguf} files directly in the folder, by name; empty if it does not exist. */
    public static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files
                    .filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT)
                            .endsWith(".gguf"))
                    .map(path -> path.toAbsolutePath().normalize())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The folders among {@code names} that are valid paths; others are left out. */
    public static List<Path> folders(List<String> names) {
        return names.stream().flatMap(name -> {
            try {
                return Stream.of(Path.of(name).toAbsolutePath().normalize());
            } catch (java.nio.file.InvalidPathException e) {
                return Stream.empty();
            }
        }).toList();
    }

    /** The default model if the list has it, else the first, else null. */
    public static Path preferred(List<Path> models) {
        return models.stream()
                .filter(path -> path.getFileName().toString().equals(DEFAULT_MODEL))
                .findFirst()
                .orElse(models.isEmpty() ? null : models.get(0));
    }

    /**
     * Resolves what a person typed: an existing path, or a file name in the models folder.
     */
    public static Path resolve(String nameOrPath, Path modelsFolder) {
        Path given = Path.of(nameOrPath);
        if (Files.exists(given) || given.isAbsolute()) {
            return given.toAbsolutePath().normalize();
        }
        Path inFolder = modelsFolder.resolve(nameOrPath);
        if (Files.exists(inFolder)) {
            return inFolder.toAbsolutePath().normalize();
        }
        return given.toAbsolutePath().normalize();
    }
}
