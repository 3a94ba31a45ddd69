package app.hearth.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeriesTest {

    @Test
    void takesTheMeanOfTheTwoMiddleValuesOfAnEvenCount() {
        Series series = new Series();
        for (double value : new double[] {4, 1, 3, 2}) {
            series.add(value);
        }

        double median = series.median();

        assertEquals(2.5, median);
    }

    @Test
    void formatsTheMedianWithItsRange() {
        Series series = new Series();
        series.add(10);
        series.add(12.25);
        series.add(11);

        String text = series.format(1);

        assertEquals("11.0 (10.0–12.3)", text);
    }

    @Test
    void leavesOutMissingMeasurements() {
        Series series = new Series();
        series.add(Double.NaN);
        series.add(5);

        String text = series.format(0);

        assertEquals("5", text);
    }
}
