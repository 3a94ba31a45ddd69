package app.hearth.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.hearth.gguf.GgmlType;
import app.hearth.gguf.GgufModel;
import app.hearth.gguf.GgufReader;
import app.hearth.testsupport.ChildJvm;
import app.hearth.testsupport.GgufWriter;
import app.hearth.testsupport.LoadProbe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the estimate with what a real load adds to a worker-like child JVM's resident
 * memory, after a prompt that nearly fills the context.
 */
class MemoryEstimateMeasuredTest {

    private static final int CONTEXT = 1024;
    private static final double TOLERANCE = 0.25;

    @TempDir
    Path dir;

    @Test
    void estimateIsWithinAQuarterOfMeasuredGrowthForHundredMegabyteModel() throws Exception {
        Path file = GgufWriter.write(GgufWriter.Spec.ofRoughly(100L << 20, GgmlType.F32),
                dir.resolve("hundred.gguf"));
        GgufModel model = GgufReader.read(file);

        ChildJvm.Result result = ChildJvm.run(LoadProbe.class, dir.resolve("probe"), 120,
                file.toString(), String.valueOf(CONTEXT), String.valueOf(CONTEXT - 48), "8");

        assertEquals(0, result.exitCode(), result.stderr());
        long grownBytes = (rssKb(result, "generated") - rssKb(result, "library")) * 1024;
        long estimated = MemoryEstimator.estimate(model, CONTEXT).totalBytes();
        double ratio = (double) estimated / grownBytes;
        assertTrue(Math.abs(ratio - 1) <= TOLERANCE, "estimated " + estimated
                + " bytes, measured " + grownBytes + " bytes (ratio " + ratio + ")");
    }

    private static long rssKb(ChildJvm.Result result, String phase) {
        return result.stdout().stream()
                .filter(line -> line.startsWith("phase " + phase + " "))
                .map(line -> Long.parseLong(line.split(" ")[2]))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + phase + " phase in "
                        + result.stdout() + "\n" + result.stderr()));
    }
}
