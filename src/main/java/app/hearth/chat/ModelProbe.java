package app.hearth.chat;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Reads a GGUF file's metadata for the few facts the chat uses. Blocks on the disk: never on
 * the JavaFX thread.
 *
 * <p>TODO(#6): a stand-in; switch to {@code app.hearth.gguf.GgufReader} when it lands.
 */
public final class ModelProbe {

    private static final int MAGIC = 0x46554747; // "GGUF", little-endian
    private static final long MAX_STRING = 4L << 20;
    private static final Map<Long, String> FILE_TYPES = Map.of(0L, "F32", 1L, "F16",
            2L, "Q4_0", 3L, "Q4_1", 7L, "Q8_0", 8L, "Q5_0", 9L, "Q5_1", 15L, "Q4_K_M",
            17L, "Q5_K_M", 18L, "Q6_K");

    private ModelProbe() {
    }

    /** The facts of a file; {@link ModelFacts#UNKNOWN} parts for what it does not say. */
    public static ModelFacts read(Path file) throws IOException {
        try (Le in = new Le(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.u32() != MAGIC) {
                throw new IOException(file.getFileName() + " is not a GGUF file");
            }
            in.u32();
            in.u64();
            long count = in.u64();
            String template = null;
            long context = 0;
            String quantization = null;
            for (long i = 0; i < count; i++) {
                String key = in.string();
                int type = (int) in.u32();
                if (key.equals("tokenizer.chat_template") && type == 8) {
                    template = in.string();
                } else if (key.endsWith(".context_length") && isInteger(type)) {
                    context = in.integer(type);
                } else if (key.equals("general.file_type") && isInteger(type)) {
                    long fileType = in.integer(type);
                    quantization = FILE_TYPES.getOrDefault(fileType, "type " + fileType);
                } else {
                    in.skip(type);
                }
            }
            return new ModelFacts(template, context, quantization);
        }
    }

    /** The file's SHA-256 in hex. Reads the whole file: seconds for a large model. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static boolean isInteger(int type) {
        return type <= 5 || type == 10 || type == 11;
    }

    /** Little-endian reads with bounds on lengths, so a damaged file cannot exhaust memory. */
    private static final class Le implements AutoCloseable {
        private final DataInputStream in;

        Le(InputStream stream) {
            this.in = new DataInputStream(stream);
        }

        long u32() throws IOException {
            return Integer.reverseBytes(in.readInt()) & 0xFFFFFFFFL;
        }

        long u64() throws IOException {
            return Long.reverseBytes(in.readLong());
        }

        long integer(int type) throws IOException {
            return switch (type) {
                case 0, 1 -> in.readUnsignedByte();
                case 2, 3 -> Short.reverseBytes(in.readShort()) & 0xFFFF;
                case 4, 5 -> u32();
                default -> u64();
            };
        }

        String string() throws IOException {
            long length = u64();
            if (length < 0 || length > MAX_STRING) {
                throw new IOException("a GGUF string of " + length + " bytes");
            }
            return new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
        }

        void skip(int type) throws IOException {
            switch (type) {
                case 0, 1, 7 -> skipBytes(1);
                case 2, 3 -> skipBytes(2);
                case 4, 5, 6 -> skipBytes(4);
                case 10, 11, 12 -> skipBytes(8);
                case 8 -> skipBytes(u64());
                case 9 -> skipArray();
                default -> throw new IOException("unknown GGUF value type " + type);
            }
        }

        private void skipArray() throws IOException {
            int type = (int) u32();
            long count = u64();
            for (long i = 0; i < count; i++) {
                skip(type);
            }
        }

        private void skipBytes(long n) throws IOException {
            if (n < 0) {
                throw new EOFException("a negative GGUF length");
            }
            in.skipNBytes(n);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
