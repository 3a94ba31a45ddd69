package app.hearth.bench;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Prompts of an exact token count. Each round gets its own prompt, different from its first
 * word on, so the engine's prompt cache never shortens the prompt processing being timed.
 */
final class Prompts {

    /** The reference points were measured with a prompt of this many tokens. */
    static final int TOKENS = 99;

    private static final List<String> WORDS = List.of(("once upon a time there was a little "
            + "girl who lived near a quiet river with her old dog and a garden full of red "
            + "flowers every morning she walked to the bridge to watch the boats go by and "
            + "count the birds that sang in the tall green trees one day a small boat stopped "
            + "beside her and a friendly man asked if she wanted to see the sea").split(" "));

    private Prompts() {
    }

    /**
     * A prompt that {@code counter} says is {@link #TOKENS} tokens long, or as close as
     * single-letter words get it.
     *
     * @param round picks the first word, so rounds differ from the first token on
     */
    static String of(int round, ToIntFunction<String> counter) {
        StringBuilder text = new StringBuilder(capitalized(WORDS.get(round % WORDS.size())));
        int next = round + 1;
        while (counter.applyAsInt(text + " " + WORDS.get(next % WORDS.size())) <= TOKENS) {
            text.append(' ').append(WORDS.get(next % WORDS.size()));
            next++;
        }
        while (counter.applyAsInt(text + " a") <= TOKENS) {
            text.append(" a");
        }
        return text.toString();
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
