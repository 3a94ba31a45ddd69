package app.hearth.models;

/**
 * Whether a model fits in memory now, judged from its estimate, the worker's budget and what
 * the system has available. Pure and thread-safe.
 *
 * <ul>
 *   <li>{@link #DOES_NOT_FIT}: more than the whole budget (the worker refuses it), or more
 *       than the system could give even with every other cached model freed;</li>
 *   <li>{@link #TIGHT}: it loads, but takes more than {@value #TIGHT_SHARE} of the budget or
 *       of the available memory, or pushes other cached models out;</li>
 *   <li>{@link #FITS}: room to spare;</li>
 *   <li>{@link #UNKNOWN}: the file is bad, or neither budget nor available memory is
 *       known.</li>
 * </ul>
 */
public enum FitVerdict {
    FITS("fits"), TIGHT("tight"), DOES_NOT_FIT("does not fit"), UNKNOWN("unknown");

    /** The share of the budget or of the available memory above which a model is tight. */
    public static final double TIGHT_SHARE = 0.8;

    private final String label;

    FitVerdict(String label) {
        this.label = label;
    }

    /** A short word for people: {@code fits}, {@code tight}, {@code does not fit}. */
    public String label() {
        return label;
    }

    /**
     * Judges a model.
     *
     * @param neededBytes    the model's estimate in bytes; 0 or less when unknown
     * @param budgetBytes    what the cached models may take together; 0 or less when unknown
     * @param availableBytes what the system can still give; negative when unknown. For a
     *                       model that is already loaded, add its own bytes: it holds them
     * @param othersBytes    what the other cached models take, in bytes
     * @return never null
     */
    public static FitVerdict judge(long neededBytes, long budgetBytes, long availableBytes,
            long othersBytes) {
        boolean budgetKnown = budgetBytes > 0;
        boolean availableKnown = availableBytes >= 0;
        if (neededBytes <= 0 || (!budgetKnown && !availableKnown)) {
            return UNKNOWN;
        }
        long others = Math.max(0, othersBytes);

        if (budgetKnown && neededBytes > budgetBytes) {
            return DOES_NOT_FIT;
        }
        if (availableKnown && neededBytes > availableBytes + others) {
            return DOES_NOT_FIT;
        }
        boolean tightBudget = budgetKnown && (neededBytes > TIGHT_SHARE * budgetBytes
                || neededBytes + others > budgetBytes);
        boolean tightSystem = availableKnown && neededBytes > TIGHT_SHARE * availableBytes;
        return tightBudget || tightSystem ? TIGHT : FITS;
    }
}
