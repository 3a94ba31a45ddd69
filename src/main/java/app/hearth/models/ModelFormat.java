package app.hearth.models;

import app.hearth.memory.ByteSize;

import java.util.Locale;

/** Numbers about models as people write them. Pure and thread-safe. */
public final class ModelFormat {

    private static final String[] SCALES = {"", "K", "M", "B", "T"};

    private ModelFormat() {
    }

    /**
     * A parameter count the way model names give it: {@code 260K}, {@code 1.1B}, {@code 13B}.
     * One decimal below 10 of a unit (dropped when it is 0), none above; negative counts
     * are {@code ?}.
     */
    public static String parameters(long count) {
        if (count < 0) {
            return "?";
        }
        double value = count;
        int scale = 0;
        while (value >= 999.5 && scale < SCALES.length - 1) {
            value /= 1000;
            scale++;
        }
        if (scale == 0) {
            return Long.toString(count);
        }
        String number = value < 9.95 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.0f", value);
        return number.replaceFirst("\\.0$", "") + SCALES[scale];
    }

    /** A size in bytes, binary units ({@code 1.1 MiB}); negative sizes are {@code ?}. */
    public static String size(long bytes) {
        return bytes < 0 ? "?" : ByteSize.format(bytes);
    }

    /** A context length in tokens with a thousands separator; 0 or less is {@code ?}. */
    public static String context(long tokens) {
        return tokens <= 0 ? "?" : String.format(Locale.ROOT, "%,d", tokens);
    }
}
