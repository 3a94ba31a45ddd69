package app.hearth.testsupport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/** Writes broken model files, each broken in one way, made from a good GGUF file. */
public final class BadGgufFiles {

    private BadGgufFiles() {
    }

    /** Every kind of broken file, by a name that says how it is broken. */
    public enum Kind { EMPTY, RANDOM_BYTES, WRONG_MAGIC, OLD_GGML, VERSION_1, VERSION_99,
        BIG_ENDIAN, TRUNCATED, CUT_IN_HEADER, HUGE_TENSOR_COUNT, HUGE_STRING, DIRECTORY,
        MISSING }

    /** Writes a file of the kind into the folder, from the good model's bytes. */
    public static Path write(Kind kind, Path good, Path folder) throws IOException {
        Path file = folder.resolve(kind.name().toLowerCase(java.util.Locale.ROOT) + ".gguf");
        byte[] bytes = Files.readAllBytes(good);
        switch (kind) {
            case EMPTY -> bytes = new byte[0];
            case RANDOM_BYTES -> new Random(5).nextBytes(bytes = new byte[4096]);
            case WRONG_MAGIC -> bytes[0] = 'X';
            case OLD_GGML -> putInt(bytes, 0, 0x67676a74);
            case VERSION_1 -> putInt(bytes, 4, 1);
            case VERSION_99 -> putInt(bytes, 4, 99);
            case BIG_ENDIAN -> putInt(bytes, 4, Integer.reverseBytes(3));
            case TRUNCATED -> bytes = Arrays.copyOf(bytes, bytes.length / 2);
            case CUT_IN_HEADER -> bytes = Arrays.copyOf(bytes, 100);
            case HUGE_TENSOR_COUNT -> putLong(bytes, 8, 1L << 40);
            case HUGE_STRING -> putLong(bytes, 24, 1L << 40);
            case DIRECTORY -> {
                return Files.createDirectories(file);
            }
            case MISSING -> {
                return file;
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        return Files.write(file, bytes);
    }

    private static void putInt(byte[] bytes, int at, int value) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    }

    private static void putLong(byte[] bytes, int at, long value) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(at, value);
    }
}
