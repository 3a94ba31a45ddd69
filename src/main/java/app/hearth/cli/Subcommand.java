package app.hearth.cli;

import app.hearth.app.AppPaths;

import java.io.PrintStream;
import java.util.List;

/**
 * What every {@code hearth} subcommand shares: where its output goes, {@code --help}, and how a
 * usage mistake reads, so that each command is only its options and its work.
 *
 * @param <P> the command's arguments once parsed
 */
public abstract class Subcommand<P> {

    /** Receives the command's product: a reply, a list. */
    protected final PrintStream out;
    /** Receives messages for people. */
    protected final PrintStream err;
    /** Where models, logs and settings live. */
    protected final AppPaths paths;
    private final String name;
    private final String usage;

    protected Subcommand(String name, String usage, PrintStream out, PrintStream err,
            AppPaths paths) {
        this.name = name;
        this.usage = usage;
        this.out = out;
        this.err = err;
        this.paths = paths;
    }

    /** Runs the command and returns its exit code. */
    public final int run(List<String> args) {
        if (args.contains("--help")) {
            out.print(usage);
            return ExitCode.OK;
        }

        P parsed;
        try {
            parsed = parse(args);
        } catch (UsageException e) {
            complain(e.getMessage());
            err.print(usage);
            return ExitCode.USAGE;
        }

        return execute(parsed);
    }

    /** Reads the arguments, or says what is wrong with them. */
    protected abstract P parse(List<String> args) throws UsageException;

    /** Does the work and returns the exit code. */
    protected abstract int execute(P parsed);

    /** Tells the person at the terminal what went wrong, naming the command. */
    protected final void complain(String message) {
        err.println("hearth " + name + ": " + message);
    }
}
