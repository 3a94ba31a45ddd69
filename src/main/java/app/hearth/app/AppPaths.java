package app.hearth.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Hearth keeps the user's things: data (conversations, settings), logs and models. They
 * follow each system's convention (XDG on Linux, {@code %APPDATA%} on Windows, Application
 * Support on macOS) and never lie in the install folder, so an uninstall keeps them.
 *
 * <p>The system properties {@code hearth.data.dir} and {@code hearth.models.dir} override the
 * defaults; tests and development runs use them.
 *
 * @param data   conversations and settings
 * @param logs   log files and worker crash reports
 * @param models the default models folder
 */
public record AppPaths(Path data, Path logs, Path models) {

    /** The folders for this user and system, from properties and environment. */
    public static AppPaths forCurrentUser() {
        Path data = Path.of(System.getProperty("hearth.data.dir", defaultDataFolder().toString()));
        String models = System.getProperty("hearth.models.dir");
        return new AppPaths(data, data.resolve("logs"),
                models == null ? data.resolve("models") : Path.of(models));
    }

    /** Creates the folders that do not exist yet. */
    public AppPaths createFolders() throws IOException {
        Files.createDirectories(data);
        Files.createDirectories(logs);
        Files.createDirectories(models);
        return this;
    }

    private static Path defaultDataFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData == null ? home.resolve("AppData/Roaming") : Path.of(appData))
                    .resolve("Hearth");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Hearth");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg))
                .resolve("hearth");
    }
}
