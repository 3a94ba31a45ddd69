package app.hearth.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one figure, summarized as median with min–max. Not thread-safe. */
final class Series {

    private final List<Double> values = new ArrayList<>();

    /** Adds a value; NaN (no measurement) is left out. */
    void add(double value) {
        if (!Double.isNaN(value)) {
            values.add(value);
        }
    }

    int size() {
        return values.size();
    }

    double median() {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = sorted();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    double min() {
        return values.isEmpty() ? Double.NaN : Collections.min(values);
    }

    double max() {
        return values.isEmpty() ? Double.NaN : Collections.max(values);
    }

    /** Like {@code 12.3 (11.9–13.0)}, with the given decimals; a dash when empty. */
    String format(int decimals) {
        if (values.isEmpty()) {
            return "–";
        }
        String number = "%." + decimals + "f";
        if (values.size() == 1) {
            return String.format(Locale.ROOT, number, median());
        }
        return String.format(Locale.ROOT, number + " (" + number + "–" + number + ")",
                median(), min(), max());
    }

    private List<Double> sorted() {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
