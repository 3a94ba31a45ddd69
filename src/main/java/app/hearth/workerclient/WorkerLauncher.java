package app.hearth.workerclient;

import org.tinylog.Logger;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Knows how to start a worker process: in the installed app through the worker launcher that
 * jpackage builds beside the app's own, otherwise with this JVM's {@code java} and class path.
 * Immutable.
 */
public final class WorkerLauncher {

    /** The worker's main class in development runs. */
    public static final String WORKER_MAIN = "app.hearth.worker.WorkerMain";

    /** Name of the worker's jpackage launcher, without a platform suffix. */
    public static final String WORKER_LAUNCHER = "hearth-worker";

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path directory;

    /**
     * @param command     the command line of the worker process
     * @param environment variables to set in its environment, on top of this process's
     */
    public WorkerLauncher(List<String> command, Map<String, String> environment) {
        this(command, environment, null);
    }

    private WorkerLauncher(List<String> command, Map<String, String> environment,
            Path directory) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.directory = directory;
    }

    /**
     * The launcher for the real worker of this installation.
     *
     * @param logFolder where the JVM writes a crash report if the native engine dies
     */
    public static WorkerLauncher forThisInstallation(Path logFolder) {
        Path packaged = packagedLauncher();
        if (packaged != null) {
            // The worker launcher's JVM options name a relative crash report file (a launcher
            // file cannot know the user's folders), so the worker starts in the log folder.
            Path directory = logFolder != null && Files.isDirectory(logFolder) ? logFolder : null;
            return new WorkerLauncher(List.of(packaged.toString()), engineEnvironment(),
                    directory);
        }
        return javaMain(WORKER_MAIN, workerJvmOptions(logFolder));
    }

    /**
     * A launcher that runs a main class of this class path in a new JVM; tests use it for
     * stand-in workers.
     */
    public static WorkerLauncher javaMain(String mainClass, List<String> jvmOptions,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", javaExecutable()).toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new WorkerLauncher(command, engineEnvironment());
    }

    /** The JVM options the real worker runs with in development. */
    public static List<String> workerJvmOptions(Path logFolder) {
        List<String> options = new ArrayList<>(List.of(
                "-Xmx256m", "-XX:+UseSerialGC", "-Xshare:auto",
                // A JVM crash banner would otherwise land on the protocol's stdout.
                "-XX:+DisplayVMOutputToStderr",
                // A worker whose heap ran out is in no state to serve; exit with a code the
                // UI can name (3) instead of limping on.
                "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8",
                "-Dhearth.log.level=" + System.getProperty("hearth.log.level", "info")));
        if (logFolder != null) {
            options.add("-XX:ErrorFile=" + logFolder.resolve("worker-crash-%p.log"));
        }
        return options;
    }

    /** Starts the process; the caller owns it. */
    public Process start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        // A process started from a jpackage launcher inherits this variable, and a launcher
        // that sees it takes its first argument as the main class (DESIGN.md §8).
        builder.environment().remove("_JPACKAGE_LAUNCHER");
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.redirectOutput(ProcessBuilder.Redirect.PIPE);
        builder.redirectError(ProcessBuilder.Redirect.PIPE);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Logger.info("Starting worker: {}", describe());
        return builder.start();
    }

    /** The command line, for messages and logs. */
    public String describe() {
        String joined = String.join(" ", command);
        return joined.length() > 300 ? joined.substring(0, 300) + "…" : joined;
    }

    private static Map<String, String> engineEnvironment() {
        // Without a passive wait policy, OpenMP threads spin and stall loads on small
        // machines; without this flag a GGML assert forks gdb onto our stdout (DESIGN.md §3).
        // Issue 8's sweeps, 1B Q4_0 without warm-up, 2 cores: PASSIVE gave 10.1-11.1 tok/s
        // at every load; the default (spinning) policy gave 22.1 at load ~5 but 0.5-4.2 at
        // load 10-12. PASSIVE stays: a desktop is rarely idle, and the collapse is 20x.
        return Map.of("OMP_WAIT_POLICY", "PASSIVE", "GGML_NO_BACKTRACE", "1");
    }

    private static Path packagedLauncher() {
        String appPath = System.getProperty("jpackage.app-path");
        if (appPath == null) {
            return null;
        }
        Path folder = Path.of(appPath).getParent();
        for (String name : List.of(WORKER_LAUNCHER, WORKER_LAUNCHER + ".exe")) {
            Path candidate = folder.resolve(name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String javaExecutable() {
        return File.separatorChar == '\\' ? "java.exe" : "java";
    }
}
