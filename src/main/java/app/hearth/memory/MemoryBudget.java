package app.hearth.memory;

/**
 * The memory budget a worker starts with until the user sets one: a share of physical memory.
 * The worker applies it, and the model picker and {@code hearth models} judge fit against it
 * before any worker runs. Pure and thread-safe.
 */
public final class MemoryBudget {

    /** Share of physical memory the models may take together by default. */
    public static final double DEFAULT_SHARE = 0.5;
    /** The budget, in bytes, when physical memory is unknown. */
    public static final long FALLBACK_BYTES = 4L << 30;

    private MemoryBudget() {
    }

    /**
     * The default budget.
     *
     * @param systemTotalBytes physical memory in bytes; 0 or less when unknown
     * @return the budget in bytes, always positive
     */
    public static long defaultFor(long systemTotalBytes) {
        return systemTotalBytes > 0 ? (long) (systemTotalBytes * DEFAULT_SHARE) : FALLBACK_BYTES;
    }
}
