package app.hearth.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into UTF-8 lines of bounded length. Not thread-safe: one reader thread.
 *
 * <p>Unlike {@code BufferedReader}, a peer that never sends a line break cannot make it grow
 * without bound: the bytes of an over-long line are dropped and the line is reported as
 * {@link #TOO_LONG}. Lines are decoded whole, so a character split across reads stays intact;
 * invalid UTF-8 becomes U+FFFD.
 */
public final class LineReader {

    /** Returned in place of a line longer than the limit. */
    public static final String TOO_LONG = "\u0000line too long";

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[8192];
    private byte[] line = new byte[1024];
    private int lineLength;
    private boolean overflowed;
    private int chunkPosition;
    private int chunkLength;

    /**
     * @param in           the stream, which this reader then owns
     * @param maxLineBytes longest line kept, in bytes
     */
    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its terminator, or null at end of stream. Blocks. */
    public String readLine() throws IOException {
        while (true) {
            if (chunkPosition == chunkLength && !fill()) {
                return lineLength > 0 || overflowed ? take() : null;
            }
            while (chunkPosition < chunkLength) {
                byte b = chunk[chunkPosition++];
                if (b == '\n') {
                    return take();
                }
                append(b);
            }
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(chunk);
        if (read <= 0) {
            return false;
        }
        chunkPosition = 0;
        chunkLength = read;
        return true;
    }

    private void append(byte b) {
        if (lineLength == maxLineBytes) {
            overflowed = true;
            return;
        }
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
        }
        line[lineLength++] = b;
    }

    private String take() {
        int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        String text = overflowed ? TOO_LONG : new String(line, 0, length, StandardCharsets.UTF_8);
        lineLength = 0;
        overflowed = false;
        if (line.length > 64 * 1024) {
            line = new byte[1024];
        }
        return text;
    }
}
