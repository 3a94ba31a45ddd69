package app.hearth.testsupport;

import java.util.List;

/**
 * What a {@link LoadProbe} child printed, read back: resident memory per phase and the
 * timing of each reply.
 */
public final class ProbeResult {

    /** One reply's timing: prompt tokens and milliseconds, then decoded tokens and ms. */
    public record Timing(int promptTokens, double promptMs, int decodeTokens, double decodeMs) {

        public double promptTokensPerSecond() {
            return promptTokens * 1000.0 / promptMs;
        }

        public double decodeTokensPerSecond() {
            return decodeTokens * 1000.0 / decodeMs;
        }
    }

    private final ChildJvm.Result result;

    public ProbeResult(ChildJvm.Result result) {
        this.result = result;
    }

    /** The process's resident memory after a phase, in bytes. */
    public long residentBytes(String phase) {
        return field(phase, 2) * 1024;
    }

    /** Anonymous resident memory after a phase, in bytes. */
    public long anonymousBytes(String phase) {
        return field(phase, 3) * 1024;
    }

    /** What a phase added to the resident memory since the native library was linked. */
    public long grownBytes(String phase) {
        return residentBytes(phase) - residentBytes("library");
    }

    public Timing timing(String reply) {
        String[] parts = line("timing " + reply + " ");
        return new Timing(Integer.parseInt(parts[2]), Double.parseDouble(parts[3]),
                Integer.parseInt(parts[4]), Double.parseDouble(parts[5]));
    }

    private long field(String phase, int index) {
        return Long.parseLong(line("phase " + phase + " ")[index]);
    }

    private String[] line(String prefix) {
        List<String> stdout = result.stdout();
        return stdout.stream()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.split(" "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + prefix.strip() + "' line (exit "
                        + result.exitCode() + ") in " + stdout + "\n" + result.stderr()));
    }
}
