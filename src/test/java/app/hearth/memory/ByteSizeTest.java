package app.hearth.memory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteSizeTest {

    @Test
    void parsesBinaryUnitsAsPeopleWriteThem() {
        long megabytes = ByteSize.parse("640m");
        long gigabytes = ByteSize.parse("1.5GiB");
        long bytes = ByteSize.parse("4096");

        assertEquals(640L << 20, megabytes);
        assertEquals(3L << 29, gigabytes);
        assertEquals(4096, bytes);
    }

    @Test
    void refusesTextThatIsNotASize() {
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("lots"));
    }

    @Test
    void formatsSizesForPeople() {
        String small = ByteSize.format(612L << 20);
        String large = ByteSize.format(3L << 29);

        assertEquals("612 MiB", small);
        assertEquals("1.5 GiB", large);
    }
}
