package app.hearth.memory;

import java.util.Locale;

/**
 * Turns memory readings into a pressure level, with hysteresis so the level does not flicker
 * around a threshold. Pure: no clock, no I/O. Not thread-safe; one monitor thread calls it.
 *
 * <p>Two signals, the worse one wins: what the worker's models take against the budget, and
 * what the system can still give ({@code MemAvailable}) against its physical memory. A level
 * is entered at its threshold and left only once the signal is {@link #MARGIN} past it.
 */
public final class PressurePolicy {

    /** How hard memory is pressed. */
    public enum Level {
        NORMAL, ELEVATED, CRITICAL;

        /** The name used on the wire and in CSS. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The level of a wire name; unknown names are {@link #NORMAL}. */
        public static Level ofWire(String name) {
            for (Level level : values()) {
                if (level.wireName().equals(name)) {
                    return level;
                }
            }
            return NORMAL;
        }
    }

    /** Models taking the whole budget is elevated. */
    static final double ELEVATED_SHARE_OF_BUDGET = 1.00;
    /** Beyond the 15% the budget tolerates is critical. */
    static final double CRITICAL_SHARE_OF_BUDGET = 1.15;
    /** Less than this share of physical memory available is elevated. */
    static final double ELEVATED_AVAILABLE = 0.15;
    /** Less than this share of physical memory available is critical. */
    static final double CRITICAL_AVAILABLE = 0.07;
    /** How far past a threshold a signal must go back before its level is left. */
    static final double MARGIN = 0.05;

    private Level level = Level.NORMAL;

    /** The level last returned by {@link #next}. */
    public Level level() {
        return level;
    }

    /**
     * Takes a reading and returns the new level.
     *
     * @param usedBytes      memory the worker's models take, in bytes (resident memory minus
     *                       what is already waiting to be given back)
     * @param budgetBytes    the budget, in bytes; not positive means no budget signal
     * @param availableBytes what the system can still give, in bytes; negative if unknown
     * @param totalBytes     physical memory, in bytes; not positive if unknown
     */
    public Level next(long usedBytes, long budgetBytes, long availableBytes, long totalBytes) {
        Level entered = levelAt(usedBytes, budgetBytes, availableBytes, totalBytes, 0);
        if (entered.compareTo(level) > 0) {
            level = entered;
            return level;
        }
        Level left = levelAt(usedBytes, budgetBytes, availableBytes, totalBytes, MARGIN);
        if (left.compareTo(level) < 0) {
            level = left;
        }
        return level;
    }

    /**
     * How many bytes to free to leave the critical level, at least 1.
     *
     * @see #next
     */
    public static long bytesToRelieve(long usedBytes, long budgetBytes, long availableBytes,
            long totalBytes) {
        long excess = 1;
        if (budgetBytes > 0) {
            long target = Math.round(budgetBytes * (CRITICAL_SHARE_OF_BUDGET - MARGIN));
            excess = Math.max(excess, usedBytes - target);
        }
        if (availableBytes >= 0 && totalBytes > 0) {
            long target = Math.round(totalBytes * (CRITICAL_AVAILABLE + MARGIN));
            excess = Math.max(excess, target - availableBytes);
        }
        return excess;
    }

    private static Level levelAt(long used, long budget, long available, long total,
            double margin) {
        Level byBudget = Level.NORMAL;
        if (budget > 0) {
            double share = (double) used / budget;
            byBudget = share >= CRITICAL_SHARE_OF_BUDGET - margin ? Level.CRITICAL
                    : share >= ELEVATED_SHARE_OF_BUDGET - margin ? Level.ELEVATED
                    : Level.NORMAL;
        }
        Level bySystem = Level.NORMAL;
        if (available >= 0 && total > 0) {
            double free = (double) available / total;
            bySystem = free < CRITICAL_AVAILABLE + margin ? Level.CRITICAL
                    : free < ELEVATED_AVAILABLE + margin ? Level.ELEVATED
                    : Level.NORMAL;
        }
        return byBudget.compareTo(bySystem) >= 0 ? byBudget : bySystem;
    }
}
