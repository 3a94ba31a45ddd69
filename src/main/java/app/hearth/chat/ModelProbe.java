package app.hearth.chat;

import app.hearth.gguf.GgufException;
import app.hearth.gguf.GgufModel;
import app.hearth.gguf.GgufReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads what the chat needs from a model file. Blocks on the disk: never on the JavaFX thread.
 */
public final class ModelProbe {

    private ModelProbe() {
    }

    /**
     * The file's chat template, trained context length, quantization and control tokens.
     * Reads the vocabulary: a few MB of memory for a moment.
     */
    public static ModelFacts read(Path file) throws IOException {
        try {
            GgufModel model = GgufReader.readWithVocabulary(file);
            String quantization = model.fileType();
            return new ModelFacts(model.chatTemplate(), model.contextLength(),
                    "unknown".equals(quantization) ? null : quantization,
                    model.controlTokens());
        } catch (GgufException e) {
            throw new IOException(e.getMessage(), e);
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
}
