package app.hearth.cli;

/** Exit codes of the command line, as shell users expect them. */
final class ExitCode {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
