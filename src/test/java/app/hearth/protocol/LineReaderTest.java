package app.hearth.protocol;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LineReaderTest {

    @Test
    void charactersCutAcrossReadsArriveWhole() throws IOException {
        String text = "😀 世界 e\u0301 🇫🇷";
        LineReader reader = new LineReader(oneByteAtATime(text + "\n"), 1024);

        String line = reader.readLine();

        assertEquals(text, line);
    }

    @Test
    void invalidUtf8BecomesReplacementCharactersAndTheNextLineIsRead() throws IOException {
        byte[] bytes = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n', 'o', 'k', '\n'};
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes), 1024);

        String junk = reader.readLine();
        String next = reader.readLine();

        assertEquals("\uFFFD(\uFFFD", junk);
        assertEquals("ok", next);
    }

    @Test
    void overLongLineIsReportedAndTheReaderGoesOn() throws IOException {
        String input = "x".repeat(5000) + "\nshort\n";
        LineReader reader = new LineReader(stream(input), 100);

        String first = reader.readLine();
        String second = reader.readLine();

        assertEquals(LineReader.TOO_LONG, first);
        assertEquals("short", second);
    }

    @Test
    void partialLastLineIsReturnedAndThenTheEnd() throws IOException {
        LineReader reader = new LineReader(stream("whole\r\npartial"), 100);

        String whole = reader.readLine();
        String partial = reader.readLine();
        String end = reader.readLine();

        assertEquals("whole", whole);
        assertEquals("partial", partial);
        assertNull(end);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream oneByteAtATime(String text) {
        return new FilterInputStream(stream(text)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(1, length));
            }
        };
    }
}
