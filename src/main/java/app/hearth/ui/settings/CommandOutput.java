package app.hearth.ui.settings;

import org.tinylog.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short system command and returns what it printed. Blocks for up to the timeout:
 * never on the FX thread.
 */
@FunctionalInterface
interface CommandOutput {

    /**
     * @return the command's standard output when it ran and exited with 0; empty when it is
     *         missing, failed, or did not end in time
     */
    Optional<String> run(List<String> command);

    /** Runs commands as processes, killing one that takes longer than {@code timeout}. */
    static CommandOutput processes(Duration timeout) {
        return command -> runProcess(command, timeout);
    }

    private static Optional<String> runProcess(List<String> command, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            Logger.debug("No {} here: {}", command.get(0), e.getMessage());
            return Optional.empty();
        }
        try {
            // The answers are a line or two, far below a pipe's buffer, so reading after the
            // exit cannot block the command.
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                Logger.warn("{} did not answer within {} ms", String.join(" ", command),
                        timeout.toMillis());
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            try (InputStream out = process.getInputStream()) {
                return Optional.of(new String(out.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException e) {
            Logger.debug("Could not read what {} printed: {}", command.get(0), e.getMessage());
            return Optional.empty();
        }
    }
}
