package app.hearth.ui.chat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WrapCutsTest {

    @Test
    void leavesPlainParagraphsWhole() {
        String plain = "Latin, Ελληνικά, Кириллица, 漢字かな, 한국어, emoji 😀 and a "
                + "x".repeat(300);

        assertTrue(WrapCuts.of(plain).isEmpty());
    }

    @Test
    void cutsAComplexParagraphWhereItMayWrap() {
        String thai = "alpha ภาษาไทย beta";

        List<String> pieces = pieces(thai);

        assertEquals(thai, String.join("", pieces));
        assertEquals("alpha ", pieces.get(0));
        assertEquals("beta", pieces.get(pieces.size() - 1));
    }

    @Test
    void keepsThePlainWordsAroundAComplexWordInOneNodeEach() {
        String mixed = "many plain words, Кириллица и 漢字 ภาษา and more plain words";

        List<String> pieces = pieces(mixed);

        assertEquals(List.of("many plain words, Кириллица и 漢字 ", "ภาษา ",
                "and more plain words"), pieces);
    }

    @Test
    void treatsCombiningMarksAndJoinersAsComplex() {
        assertFalse(WrapCuts.isPlain("cafe\u0301"));
        assertFalse(WrapCuts.isPlain("a\u200Db"));
        assertFalse(WrapCuts.isPlain("عربي"));
        assertTrue(WrapCuts.isPlain("café"));
    }

    @Test
    void cutsALongWordBetweenCharactersButKeepsMarksWithTheirLetters() {
        String token = "e\u0301".repeat(20) + "😀".repeat(3);

        List<String> pieces = pieces("word " + token);

        assertEquals("word ", pieces.get(0));
        assertEquals("e\u0301", pieces.get(1));
        assertEquals("😀", pieces.get(pieces.size() - 1));
        assertEquals(1 + 20 + 3, pieces.size());
    }

    @Test
    void neverCutsInsideAJoinedEmoji() {
        String family = "👩\u200D👩\u200D👧";

        List<String> pieces = pieces("x\u0301".repeat(13) + family);

        assertEquals(family, pieces.get(pieces.size() - 1));
    }

    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int cut : WrapCuts.of(text)) {
            pieces.add(text.substring(start, cut));
            start = cut;
        }
        pieces.add(text.substring(start));
        return pieces;
    }
}
