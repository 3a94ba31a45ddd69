package app.hearth.gguf;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.hearth.testsupport.Models;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the first few KB of the shared models thousands of times: every mutant must be
 * answered by a model or a {@link GgufException}, quickly and without running out of memory.
 */
class GgufReaderFuzzTest {

    private static final int MUTANTS_PER_MODEL = 1500;
    private static final int HEAD_BYTES = 4096;

    @TempDir
    Path dir;

    @Test
    void answersMutatedStoriesHeadersWithModelOrGgufException() throws Exception {
        Outcome outcome = fuzz(Models.shared(Models.STORIES), 20_260_101L);

        assertTrue(outcome.models > 0 && outcome.refusals > 0, outcome.toString());
    }

    @Test
    void answersMutatedTinyRandomHeadersWithModelOrGgufException() throws Exception {
        Outcome outcome = fuzz(Models.shared(Models.TINY_RANDOM), 4_096L);

        assertTrue(outcome.models > 0 && outcome.refusals > 0, outcome.toString());
    }

    private static final class Outcome {
        int models;
        int refusals;

        @Override
        public String toString() {
            return models + " mutants read, " + refusals + " refused";
        }
    }

    private Outcome fuzz(Path source, long seed) throws Exception {
        byte[] original = Files.readAllBytes(source);
        Path mutant = dir.resolve("mutant.gguf");
        Outcome outcome = new Outcome();
        Random random = new Random(seed);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < MUTANTS_PER_MODEL; i++) {
                writeMutant(mutant, original, random);
                readOne(mutant, outcome, "seed " + seed + ", mutant " + i);
            }
        });
        return outcome;
    }

    private static void readOne(Path mutant, Outcome outcome, String which) {
        try {
            GgufReader.read(mutant);
            outcome.models++;
        } catch (GgufException ex) {
            outcome.refusals++;
        } catch (Throwable ex) {
            fail(which + " threw " + ex, ex);
        }
    }

    /** Writes {@code original} with one random mutation in its first few KB. */
    private static void writeMutant(Path file, byte[] original, Random random) throws Exception {
        int at = random.nextInt(HEAD_BYTES);
        int kind = random.nextInt(10);
        if (kind < 6) {
            byte[] patch = new byte[kind < 3 ? 1 + random.nextInt(4) : 8];
            random.nextBytes(patch);
            writeWithPatch(file, original, at, patch);
        } else if (kind < 9) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 16);
            out.write(original, 0, at);
            byte[] inserted = new byte[kind == 6 ? 0 : 1 + random.nextInt(16)];
            random.nextBytes(inserted);
            out.write(inserted, 0, inserted.length);
            int skipped = kind == 6 ? 1 + random.nextInt(16) : 0;
            out.write(original, at + skipped, original.length - at - skipped);
            Files.write(file, out.toByteArray());
        } else {
            int length = random.nextInt(original.length);
            writeWithPatch(file, Arrays.copyOf(original, length), 0, new byte[0]);
        }
    }

    private static void writeWithPatch(Path file, byte[] base, int at, byte[] patch)
            throws Exception {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer whole = ByteBuffer.wrap(base);
            while (whole.hasRemaining()) {
                out.write(whole);
            }
            int length = Math.min(patch.length, Math.max(0, base.length - at));
            out.write(ByteBuffer.wrap(patch, 0, length), at);
        }
    }
}
