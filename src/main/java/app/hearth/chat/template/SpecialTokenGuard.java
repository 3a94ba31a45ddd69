package app.hearth.chat.template;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps message text from spelling a model's special tokens.
 *
 * <p>The engine reads every spelling of a control token in a prompt as that token: the
 * binding tokenizes prompts with special-token parsing on, over the whole text. So a person
 * who types or pastes {@code <|im_end|>} into a ChatML conversation would end their own turn
 * and could write the assistant's, and the same goes for {@code </s>}, {@code [INST]} or
 * {@code <|eot_id|>} elsewhere. The guard breaks each such spelling in message text by
 * putting a zero-width space (U+200B) after its first character, before the template wraps
 * the text. People never see it (the transcript keeps the text as typed; only the prompt
 * changes), the model reads the characters as plain text, and the template's own markers
 * stay the only control tokens in the prompt.
 *
 * <p>The spellings are the model's control tokens from its vocabulary together with the
 * markers of its prompt family, which also covers formats whose markers are plain text in
 * the vocabulary (Mistral's first {@code [INST]}). A spelling of one character cannot be
 * broken this way and is left alone; no real vocabulary has such a control token.
 * Immutable and thread-safe.
 */
public final class SpecialTokenGuard {

    /** What goes after the first character of a special token's spelling. */
    static final String BREAK = "\u200B";

    /** A guard that changes nothing: for text that no model reads as a prompt. */
    public static final SpecialTokenGuard NONE = new SpecialTokenGuard(List.of());

    /** The spellings by their first code point. */
    private final Map<Integer, List<String>> byFirst = new HashMap<>();
    /** The same first code points, to pass over the rest of a long text quickly. */
    private final BitSet firsts = new BitSet();

    private SpecialTokenGuard(Collection<String> spellings) {
        for (String spelling : new LinkedHashSet<>(spellings)) {
            if (breakable(spelling)) {
                byFirst.computeIfAbsent(spelling.codePointAt(0), key -> new ArrayList<>())
                        .add(spelling);
                firsts.set(spelling.codePointAt(0));
            }
        }
    }

    /** A guard for the markers of a prompt family alone. */
    public static SpecialTokenGuard of(PromptFamily family) {
        return of(family, List.of());
    }

    /**
     * @param family        the prompt format, whose markers are guarded
     * @param controlTokens the model's control tokens, from its vocabulary; may be empty
     */
    public static SpecialTokenGuard of(PromptFamily family, Collection<String> controlTokens) {
        Set<String> spellings = new LinkedHashSet<>(family.markers());
        spellings.addAll(controlTokens);
        return new SpecialTokenGuard(spellings);
    }

    /**
     * The text with every special-token spelling broken. Overlapping spellings are each
     * broken, and the result holds none: an inserted U+200B cannot complete another one.
     */
    public String neutralise(String text) {
        if (byFirst.isEmpty()) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int at = 0; at < text.length(); at += Character.charCount(text.codePointAt(at))) {
            if (!firsts.get(text.codePointAt(at))) {
                continue;
            }
            List<String> candidates = byFirst.get(text.codePointAt(at));
            if (!spellsOne(text, at, candidates)) {
                continue;
            }
            int afterFirst = at + Character.charCount(text.codePointAt(at));
            out = out == null ? new StringBuilder(text.length() + 16) : out;
            out.append(text, copied, afterFirst).append(BREAK);
            copied = afterFirst;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean spellsOne(String text, int at, List<String> candidates) {
        for (String candidate : candidates) {
            if (text.startsWith(candidate, at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an inserted break can spoil the spelling for good: it needs a second code
     * point, and must not hold the break itself, or the insertion could complete it.
     */
    private static boolean breakable(String spelling) {
        return spelling.codePointCount(0, spelling.length()) > 1 && !spelling.contains(BREAK);
    }
}
