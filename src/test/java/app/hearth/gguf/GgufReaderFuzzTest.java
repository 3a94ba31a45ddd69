package app.hearth.gguf;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.hearth.testsupport.SharedModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the first few KB of the shared models thousands of times: every mutant must be
 * answered by a model or a {@link GgufException}, quickly and without running out of memory.
 */
class GgufReaderFuzzTest {

    private static final int HEAD_BYTES = 4096;

    @TempDir
    Path dir;

    @Test
    void answersMutatedStoriesHeadersWithModelOrGgufException() throws Exception {
        Outcome outcome = fuzz(SharedModels.path(SharedModels.STORIES), 20_260_101L, 2000);

        assertTrue(outcome.models > 0 && outcome.refusals > 0, outcome.toString());
    }

    @Test
    void answersMutatedTinyRandomHeadersWithModelOrGgufException() throws Exception {
        Outcome outcome = fuzz(SharedModels.path(SharedModels.TINY_RANDOM), 4_096L, 1000);

        assertTrue(outcome.models > 0 && outcome.refusals > 0, outcome.toString());
    }

    /** Counts the answers to the mutants of one model. */
    private static final class Outcome {
        int models;
        int refusals;

        @Override
        public String toString() {
            return models + " mutants read, " + refusals + " refused";
        }
    }

    private Outcome fuzz(Path source, long seed, int mutants) throws Exception {
        byte[] original = Files.readAllBytes(source);
        Path inPlace = Files.write(dir.resolve("patched.gguf"), original);
        Outcome outcome = new Outcome();
        Random random = new Random(seed);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (FileChannel patched = FileChannel.open(inPlace, StandardOpenOption.WRITE)) {
                Mutator mutator = new Mutator(original, random, patched, inPlace);
                for (int i = 0; i < mutants; i++) {
                    Path mutant = mutator.next();
                    readOne(mutant, outcome, "seed " + seed + ", mutant " + i);
                    mutator.undo();
                }
            }
        });
        return outcome;
    }

    /**
     * Applies one random mutation in the first few KB of a file. Byte patches and truncations
     * change the file in place and are undone afterwards, which saves rewriting a megabyte
     * each time; insertions and deletions write a second file.
     */
    private final class Mutator {
        private final byte[] original;
        private final Random random;
        private final FileChannel patched;
        private final Path inPlace;
        private Runnable undo = () -> { };

        Mutator(byte[] original, Random random, FileChannel patched, Path inPlace) {
            this.original = original;
            this.random = random;
            this.patched = patched;
            this.inPlace = inPlace;
        }

        Path next() throws Exception {
            int at = random.nextInt(HEAD_BYTES);
            int kind = random.nextInt(10);
            if (kind < 6) {
                byte[] patch = new byte[kind < 3 ? 1 + random.nextInt(4) : 8];
                random.nextBytes(patch);
                writeAt(patched, patch, 0, at, patch.length);
                undo = () -> writeAt(patched, original, at, at, patch.length);
                return inPlace;
            }
            if (kind < 8) {
                undo = () -> { };
                return Files.write(dir.resolve("shifted.gguf"), shift(at, kind == 6));
            }
            int length = random.nextInt(original.length);
            patched.truncate(length);
            undo = () -> writeAt(patched, original, length, length, original.length - length);
            return inPlace;
        }

        void undo() {
            undo.run();
        }

        private byte[] shift(int at, boolean delete) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 16);
            out.write(original, 0, at);
            byte[] inserted = new byte[delete ? 0 : 1 + random.nextInt(16)];
            random.nextBytes(inserted);
            out.write(inserted, 0, inserted.length);
            int skipped = delete ? 1 + random.nextInt(16) : 0;
            out.write(original, at + skipped, original.length - at - skipped);
            return out.toByteArray();
        }
    }

    private static void writeAt(FileChannel channel, byte[] bytes, int from, long position,
            int length) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, from, length);
        long at = position;
        try {
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
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
}
