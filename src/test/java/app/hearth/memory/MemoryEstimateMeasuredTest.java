package app.hearth.memory;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.hearth.gguf.GgmlType;
import app.hearth.gguf.GgufModel;
import app.hearth.gguf.GgufReader;
import app.hearth.testsupport.ChildJvm;
import app.hearth.testsupport.GgufWriter;
import app.hearth.testsupport.LoadProbe;
import app.hearth.testsupport.ProbeResult;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the estimate with what a real load with the worker's engine parameters adds to a
 * worker-like child JVM's resident memory: right after the load, and after a prompt that
 * nearly fills the context.
 */
class MemoryEstimateMeasuredTest {

    private static final int CONTEXT = 1024;
    private static final double TOLERANCE = 0.25;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F32", "Q4_0"})
    void estimateIsWithinAQuarterOfFreshLoadAndOfFullContext(GgmlType type) throws Exception {
        Path file = GgufWriter.write(GgufWriter.Spec.ofRoughly(100L << 20, type),
                dir.resolve("hundred.gguf"));
        GgufModel model = GgufReader.read(file);

        ChildJvm.Result result = ChildJvm.run(LoadProbe.class, dir.resolve("probe"), 300,
                file.toString(), String.valueOf(CONTEXT), String.valueOf(CONTEXT - 48), "8");

        assertEquals(0, result.exitCode(), result.stderr());
        ProbeResult probe = new ProbeResult(result);
        long estimated = MemoryEstimator.estimate(model, CONTEXT).totalBytes();
        assertAll(
                () -> assertWithinAQuarter(estimated, probe.grownBytes("loaded"), "fresh load"),
                () -> assertWithinAQuarter(estimated, probe.grownBytes("generated"),
                        "full context"));
    }

    private static void assertWithinAQuarter(long estimated, long measured, String phase) {
        double ratio = (double) estimated / measured;
        assertTrue(Math.abs(ratio - 1) <= TOLERANCE, "estimated " + estimated + " bytes, "
                + phase + " measured " + measured + " bytes (ratio " + ratio + ")");
    }
}
