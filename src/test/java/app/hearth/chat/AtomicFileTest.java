package app.hearth.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class AtomicFileTest {

    @TempDir
    Path folder;

    @Test
    void aSaveInterruptedAtAnyStepLeavesTheOldOrTheNewFile() throws IOException {
        byte[] old = filled(20_000, 'o');
        byte[] next = filled(50_000, 'n');
        Path target = folder.resolve("c.json");
        int steps = countSteps(next);

        for (int crashAt = 1; crashAt <= steps; crashAt++) {
            Files.write(target, old);

            boolean crashed = writeCrashingAt(target, next, crashAt);

            byte[] now = Files.readAllBytes(target);
            assertTrue(Arrays.equals(now, old) || Arrays.equals(now, next),
                    "torn file after a crash at step " + crashAt);
            if (!crashed) {
                fail("the save did not reach step " + crashAt);
            }
        }
    }

    @Test
    void aCompletedSaveReplacesTheFile() throws IOException {
        Path target = Files.write(folder.resolve("c.json"), filled(10, 'o'));
        byte[] next = filled(30_000, 'n');

        AtomicFile.write(target, next, AtomicFile.Checkpoint.NONE);

        assertArrayEquals(next, Files.readAllBytes(target));
    }

    private static boolean writeCrashingAt(Path target, byte[] bytes, int crashAt) {
        int[] seen = {0};
        try {
            AtomicFile.write(target, bytes, step -> {
                if (++seen[0] == crashAt) {
                    throw new IOException("simulated crash at " + step);
                }
            });
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static int countSteps(byte[] bytes) throws IOException {
        Path scratch = Files.createTempFile("steps", ".json");
        int[] seen = {0};
        AtomicFile.write(scratch, bytes, step -> seen[0]++);
        Files.delete(scratch);
        return seen[0];
    }

    private static byte[] filled(int length, char c) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }
}
