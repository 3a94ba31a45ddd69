package app.hearth.workerclient;

import java.util.Locale;

/** Prints a fault's measured recovery in one greppable line of the test output. */
public final class Measured {

    private Measured() {
    }

    /**
     * @param fault      what went wrong
     * @param userSees   the sentence or state the user is shown
     * @param recoveryMs from the fault to the clear state (or the next answer), in ms
     */
    public static void print(String fault, String userSees, double recoveryMs) {
        System.out.printf(Locale.ROOT, "MEASURED | %s | %s | %.0f ms%n", fault, userSees,
                recoveryMs);
    }

    /** Milliseconds between two {@code System.nanoTime()} readings. */
    public static double ms(long fromNs, long toNs) {
        return (toNs - fromNs) / 1e6;
    }
}
