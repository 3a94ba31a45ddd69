package app.hearth.cli;

import app.hearth.app.AppPaths;
import app.hearth.app.ModelFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code hearth models [--dir FOLDER]}: lists the models a folder holds, one a line. */
public final class ModelsCommand {

    static final String USAGE = """
            Usage: hearth models [--dir FOLDER]
              Lists the .gguf models in FOLDER (default: the models folder).
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final AppPaths paths;

    /**
     * @param out   receives the list
     * @param err   receives messages for people
     * @param paths where the default models folder is
     */
    public ModelsCommand(PrintStream out, PrintStream err, AppPaths paths) {
        this.out = out;
        this.err = err;
        this.paths = paths;
    }

    /** Runs the command and returns its exit code. */
    public int run(List<String> args) {
        if (args.contains("--help")) {
            out.print(USAGE);
            return ExitCode.OK;
        }
        Path folder;
        try {
            CommandLine line = CommandLine.parse(args, Set.of("dir"), Set.of());
            folder = Path.of(line.option("dir", paths.models().toString()));
        } catch (UsageException e) {
            err.println("hearth models: " + e.getMessage());
            err.print(USAGE);
            return ExitCode.USAGE;
        }
        if (!Files.isDirectory(folder)) {
            err.println("hearth models: " + folder + " is not a folder");
            return ExitCode.FAILED;
        }

        List<Path> models = ModelFiles.list(folder);
        if (models.isEmpty()) {
            err.println("No .gguf models in " + folder + "; see models/README.md for where to "
                    + "get one.");
        }
        for (Path model : models) {
            out.printf(Locale.ROOT, "%-48s %10s%n", model.getFileName(), sizeOf(model));
        }
        return ExitCode.OK;
    }

    private static String sizeOf(Path model) {
        try {
            return String.format(Locale.ROOT, "%.1f MB", Files.size(model) / 1e6);
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
