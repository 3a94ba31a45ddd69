package app.hearth.ui.chat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a paragraph's text is cut into separate Text nodes, so that its TextFlow never has to
 * wrap a line inside a node that holds complex text.
 *
 * <p>Why: JavaFX 21's text layout mis-draws a run that it shapes as complex (Thai, Devanagari,
 * Sinhala, combining marks, joiners) when it wraps a line inside it: the first part of the run
 * keeps the glyphs of the whole run, so the words after the wrap run past the bubble's right
 * edge and show again on the next line. A run ends where a Text node ends, and a node's run
 * is complex as soon as it holds one such character (its script analysis never splits a run
 * by script). So each word that holds complex text gets a node of its own, cut between
 * characters as well when it is longer than {@link #LONG_WORD}; the plain words around it
 * stay together in one node, which wraps correctly. Every node costs CSS and layout time:
 * one per word made a long mixed-script reply take seconds to open.
 *
 * <p>Pure logic; any thread.
 */
final class WrapCuts {

    /** Words longer than this, in chars, are cut between characters as well. */
    static final int LONG_WORD = 12;

    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final Set<Character.UnicodeScript> PLAIN_SCRIPTS = EnumSet.of(
            Character.UnicodeScript.COMMON, Character.UnicodeScript.LATIN,
            Character.UnicodeScript.GREEK, Character.UnicodeScript.CYRILLIC,
            Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
            Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL,
            Character.UnicodeScript.BOPOMOFO);

    private WrapCuts() {
    }

    /**
     * The offsets, ascending and between 0 and the length (both excluded), where a new Text
     * node starts; none for a plain paragraph.
     */
    static List<Integer> of(String paragraph) {
        if (isPlain(paragraph)) {
            return List.of();
        }
        List<Integer> cuts = new ArrayList<>();
        BreakIterator lines = BreakIterator.getLineInstance();
        lines.setText(paragraph);
        int start = lines.first();
        for (int end = lines.next(); end != BreakIterator.DONE; start = end, end = lines.next()) {
            if (isPlain(paragraph.substring(start, end))) {
                continue;
            }
            if (start > 0 && (cuts.isEmpty() || cuts.get(cuts.size() - 1) < start)) {
                cuts.add(start);
            }
            if (end - start > LONG_WORD) {
                addCharacterCuts(paragraph, start, end, cuts);
            }
            if (end < paragraph.length()) {
                cuts.add(end);
            }
        }
        return cuts;
    }

    /** Whether JavaFX lays {@code text} out without complex shaping, as far as we know. */
    static boolean isPlain(String text) {
        return text.codePoints().allMatch(WrapCuts::isPlain);
    }

    private static boolean isPlain(int codePoint) {
        return !isJoinedToItsNeighbours(codePoint)
                && PLAIN_SCRIPTS.contains(Character.UnicodeScript.of(codePoint));
    }

    private static void addCharacterCuts(String text, int start, int end, List<Integer> cuts) {
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        for (int at = characters.following(start); at != BreakIterator.DONE && at < end;
                at = characters.next()) {
            if (text.codePointBefore(at) != ZERO_WIDTH_JOINER
                    && !isJoinedToItsNeighbours(text.codePointAt(at))) {
                cuts.add(at);
            }
        }
    }

    /** Marks, joiners and variation selectors belong with the character before them. */
    private static boolean isJoinedToItsNeighbours(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT;
    }
}
