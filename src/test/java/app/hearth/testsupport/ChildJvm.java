package app.hearth.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test class path in a child JVM set up as Hearth's worker is: its
 * own binding temp dir, {@code OMP_WAIT_POLICY=PASSIVE} and {@code GGML_NO_BACKTRACE=1}.
 */
public final class ChildJvm {

    /** What the child printed and how it ended. */
    public record Result(int exitCode, List<String> stdout, String stderr) {
    }

    private ChildJvm() {
    }

    /**
     * Runs {@code mainClass} with a fixed 64 MB pre-touched heap, so heap growth does not
     * show as native memory.
     *
     * @param workDir a private folder for the binding's native library and the logs
     * @param timeoutSeconds how long to wait before killing the child
     */
    public static Result run(Class<?> mainClass, Path workDir, long timeoutSeconds,
            String... args) throws IOException, InterruptedException {
        // The binding neither creates its temp dir nor resolves a relative one.
        Path llamaTmp = Files.createDirectories(workDir.toAbsolutePath().resolve("llama-tmp"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC",
                "-Dde.kherud.llama.tmpdir=" + llamaTmp,
                "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(args));
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        builder.environment().put("GGML_NO_BACKTRACE", "1");
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException(mainClass.getSimpleName() + " did not end within "
                    + timeoutSeconds + " s; its stderr is in " + err);
        }
        // Native code may print anything; decode leniently rather than fail on bad UTF-8.
        String stdout = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
        String stderr = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), stdout.lines().toList(), stderr);
    }
}
