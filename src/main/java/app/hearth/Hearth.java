package app.hearth;

import app.hearth.app.AppPaths;
import app.hearth.app.HearthApp;
import app.hearth.app.Logging;
import app.hearth.cli.ChatCommand;
import app.hearth.cli.ModelsCommand;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Hearth's entry point: the window without arguments, a command line tool with them.
 *
 * <p>This class does not extend {@code Application}, so JavaFX also starts from a plain class
 * path.
 */
public final class Hearth {

    private static final String USAGE = """
            Usage: hearth                 open the window
                   hearth chat [...]      stream a reply to a prompt (hearth chat --help)
                   hearth models [...]    list the models in a folder
            """;

    private Hearth() {
    }

    /** Starts the window or runs a command. */
    public static void main(String[] rawArgs) {
        // Build tools may pass blank arguments; they mean nothing.
        List<String> args = Arrays.stream(rawArgs).filter(arg -> !arg.isBlank()).toList();
        AppPaths paths = AppPaths.forCurrentUser();
        try {
            paths.createFolders();
            Logging.toFile(paths.logs());
        } catch (IOException e) {
            String why = e instanceof FileSystemException failed && failed.getReason() != null
                    ? failed.getReason() : e.toString();
            System.err.println("hearth: cannot use the data folder " + paths.data() + " ("
                    + why + "); set -Dhearth.data.dir to a writable folder.");
            if (args.isEmpty()) {
                System.exit(1);
            }
            // The command line can still work; its log goes to stderr, warnings only.
            System.setProperty("hearth.log.level", "warn");
            Logging.toStderr();
        }
        if (args.isEmpty()) {
            HearthApp.launchWindow(paths);
            return;
        }

        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        List<String> rest = args.subList(1, args.size());
        int code = switch (args.get(0)) {
            case "chat" -> new ChatCommand(out, System.err, paths).run(rest);
            case "models" -> new ModelsCommand(out, System.err, paths).run(rest);
            case "--help", "-h", "help" -> {
                out.print(USAGE);
                yield 0;
            }
            default -> {
                System.err.println("hearth: unknown command " + args.get(0));
                System.err.print(USAGE);
                yield 2;
            }
        };
        System.exit(code);
    }
}
