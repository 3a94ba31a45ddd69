package app.hearth.workerclient;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LineReaderTest {

    @Test
    void keepsACharacterWhoseBytesArriveInSeparateReads() throws IOException {
        byte[] bytes = "a😀b\n".getBytes(StandardCharsets.UTF_8);
        LineReader reader = new LineReader(new OneByteAtATime(bytes), 1024);

        String line = reader.readLine();

        assertEquals("a😀b", line);
        assertNull(reader.readLine());
    }

    @Test
    void replacesAnOverlongLineAndGoesOnWithTheNext() throws IOException {
        String input = "x".repeat(5000) + "\nnext\n";
        LineReader reader = new LineReader(stream(input), 100);

        String first = reader.readLine();
        String second = reader.readLine();

        assertEquals(LineReader.TOO_LONG, first);
        assertEquals("next", second);
    }

    @Test
    void dropsCarriageReturnsAndReturnsALastLineWithoutBreak() throws IOException {
        LineReader reader = new LineReader(stream("one\r\ntwo"), 100);

        assertEquals("one", reader.readLine());
        assertEquals("two", reader.readLine());
        assertNull(reader.readLine());
    }

    @Test
    void turnsInvalidUtf8IntoReplacementCharacters() throws IOException {
        byte[] bytes = {'o', 'k', (byte) 0xC3, '\n'};
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes), 100);

        String line = reader.readLine();

        assertEquals("ok\uFFFD", line);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands out one byte per read, as a pipe may. */
    private static final class OneByteAtATime extends InputStream {
        private final byte[] bytes;
        private int position;

        OneByteAtATime(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            buffer[offset] = bytes[position++];
            return 1;
        }
    }
}
