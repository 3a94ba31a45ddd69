package app.hearth.models;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelFormatTest {

    @Test
    void writesParameterCountsAsModelNamesDo() {
        assertEquals("260K", ModelFormat.parameters(260_000));
        assertEquals("293K", ModelFormat.parameters(292_928));
        assertEquals("1.1B", ModelFormat.parameters(1_100_048_384L));
        assertEquals("6.7B", ModelFormat.parameters(6_738_415_616L));
        assertEquals("13B", ModelFormat.parameters(13_015_864_320L));
        assertEquals("69B", ModelFormat.parameters(68_976_648_192L));
    }

    @Test
    void dropsAZeroDecimalAndRoundsUpIntoTheNextUnit() {
        assertEquals("7B", ModelFormat.parameters(7_000_000_000L));
        assertEquals("1M", ModelFormat.parameters(999_600));
        assertEquals("1K", ModelFormat.parameters(1_000));
    }

    @Test
    void writesSmallAndUnknownCountsPlainly() {
        assertEquals("0", ModelFormat.parameters(0));
        assertEquals("812", ModelFormat.parameters(812));
        assertEquals("?", ModelFormat.parameters(-1));
    }

    @Test
    void writesSizesInBinaryUnits() {
        assertEquals("1.1 MiB", ModelFormat.size(1_185_376));
        assertEquals("3.8 GiB", ModelFormat.size(4_081_004_224L));
        assertEquals("512 B", ModelFormat.size(512));
        assertEquals("?", ModelFormat.size(-1));
    }

    @Test
    void writesContextLengthsWithThousandsSeparators() {
        assertEquals("2,048", ModelFormat.context(2048));
        assertEquals("131,072", ModelFormat.context(131_072));
        assertEquals("?", ModelFormat.context(0));
    }
}
