package app.hearth.app;

import org.tinylog.configuration.Configuration;

import java.nio.file.Path;
import java.util.Map;

/**
 * Configures tinylog once per process, before the first log statement.
 *
 * <p>The worker logs to stderr, which its parent drains into the log file; the UI and the
 * command line log to a file in the user's log folder. Nothing ever logs to stdout: in the
 * worker it carries the protocol, on the command line the reply.
 */
public final class Logging {

    private static final String FORMAT = "{date: HH:mm:ss.SSS} {level} [{thread}] {class-name}: "
            + "{message}";

    private Logging() {
    }

    /** Logs to stderr at info level, or at the level named by {@code hearth.log.level}. */
    public static void toStderr() {
        configure(Map.of(
                "writer", "console",
                "writer.stream", "err",
                "writer.level", level(),
                "writer.format", FORMAT));
    }

    /** Logs to {@code hearth.log} in the given folder, keeping the last few files. */
    public static void toFile(Path logDirectory) {
        configure(Map.of(
                "writer", "rolling file",
                "writer.file", logDirectory.resolve("hearth.{count}.log").toString(),
                "writer.latest", logDirectory.resolve("hearth.log").toString(),
                "writer.policies", "startup, size: 10mb",
                "writer.backups", "5",
                "writer.level", level(),
                "writer.format", FORMAT,
                "writer.charset", "UTF-8"));
    }

    private static void configure(Map<String, String> settings) {
        if (Configuration.isFrozen()) {
            return;
        }
        Configuration.replace(settings);
    }

    private static String level() {
        return System.getProperty("hearth.log.level", "info");
    }
}
