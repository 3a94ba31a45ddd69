package app.hearth.bench;

/**
 * Short prompts of the same length that differ from the first token on, for timings where
 * prompt processing would only add noise (switching, stopping).
 */
final class ShortPrompts {

    private ShortPrompts() {
    }

    /** The n-th prompt; n below 10 keeps every prompt the same length. */
    static String of(int n) {
        return "Story " + (n % 10) + ". Once upon a time there was a little dog";
    }
}
