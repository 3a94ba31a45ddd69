package app.hearth.worker;

import org.tinylog.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The path to hand the engine for a model file.
 *
 * <p>The binding passes paths to native code in JNI's modified UTF-8, which spells characters
 * beyond U+FFFF (emoji, rare CJK) differently from the file system: such a path fails to load
 * while "Modèle 模型" loads fine (measured with de.kherud:llama 4.2.0). For those paths the
 * engine gets a link with a plain name in a private folder; the link reaches the same file,
 * so the file's identity and the change check stay with the real path. Thread-safe.
 */
final class EnginePath {

    private static final AtomicInteger LINKS = new AtomicInteger();
    private static Path folder;

    private EnginePath() {
    }

    /** The path itself when the engine can open it, else a link to it; never null. */
    static Path of(Path path) {
        if (!needsLink(path.toString())) {
            return path;
        }
        try {
            Path link = linkFolder().resolve("model-" + LINKS.incrementAndGet() + ".gguf");
            Files.createSymbolicLink(link, path.toAbsolutePath());
            link.toFile().deleteOnExit();
            Logger.info("Loading {} through {}: its path has characters the engine misreads",
                    path.getFileName(), link);
            return link;
        } catch (IOException | UnsupportedOperationException e) {
            Logger.warn(e, "Could not link {} under a plain name", path);
            return path;
        }
    }

    /** Whether the engine would misread the path. */
    static boolean needsLink(String path) {
        return path.codePoints().anyMatch(Character::isSupplementaryCodePoint)
                || path.indexOf('\0') >= 0;
    }

    private static synchronized Path linkFolder() throws IOException {
        if (folder == null) {
            folder = Files.createTempDirectory("hearth-models-");
            folder.toFile().deleteOnExit();
        }
        return folder;
    }
}
