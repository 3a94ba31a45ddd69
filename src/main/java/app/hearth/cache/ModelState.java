package app.hearth.cache;

/** Where a cached model stands. */
public enum ModelState {
    LOADING, READY, GENERATING;

    /** The name used on the wire. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
