package app.hearth.memory;

import java.util.Locale;

/**
 * Sizes in bytes as people write and read them: {@code 640m}, {@code 4G}, {@code 1.5GiB},
 * or a plain number of bytes. Binary units (1k = 1024 bytes). Pure and thread-safe.
 */
public final class ByteSize {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private ByteSize() {
    }

    /**
     * Parses a size.
     *
     * @throws IllegalArgumentException with a sentence for people if it is not a size
     */
    public static long parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Give a size such as 4g or 640m");
        }
        int power = "kmgt".indexOf(value.charAt(value.length() - 1)) + 1;
        String number = power > 0 ? value.substring(0, value.length() - 1) : value;
        try {
            double bytes = Double.parseDouble(number.strip()) * Math.pow(1024, power);
            if (bytes < 0 || bytes > Long.MAX_VALUE || Double.isNaN(bytes)) {
                throw new IllegalArgumentException("\"" + text + "\" is not a usable size");
            }
            return (long) bytes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a size such as 4g or "
                    + "640m");
        }
    }

    /** Formats a size for people, for example {@code 612 MiB} or {@code 1.5 GiB}. */
    public static String format(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String pattern = unit == 0 || value >= 100 ? "%.0f %s" : "%.1f %s";
        return String.format(Locale.ROOT, pattern, value, UNITS[unit]);
    }
}
