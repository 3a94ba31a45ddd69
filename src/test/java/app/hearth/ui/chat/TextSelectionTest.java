package app.hearth.ui.chat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextSelectionTest {

    private static final List<TextSelection.Block> REPLY = List.of(
            new TextSelection.Block("", "First paragraph here."),
            new TextSelection.Block("\n\n", "one"),
            new TextSelection.Block("\n", "two"),
            new TextSelection.Block("\n\n", "int x = 1;\nint y = 2;"));

    private final TextSelection selection = new TextSelection(REPLY);

    @Test
    void numbersBlocksAfterTheGapsBeforeThem() {
        assertEquals(0, selection.blockStart(0));
        assertEquals(23, selection.blockStart(1));
        assertEquals(27, selection.blockStart(2));
        assertEquals(32, selection.blockStart(3));
        assertEquals(27 + 3, selection.offset(2, 99), "clamped to the block");
    }

    @Test
    void copiesTheGapsOfASelectionAcrossBlocks() {
        selection.place(selection.offset(0, 6));

        selection.extendTo(selection.offset(3, 3));

        assertEquals("paragraph here.\n\none\ntwo\n\nint", selection.selectedText());
    }

    @Test
    void selectsTheSameTextWhenDraggedBackwards() {
        selection.place(selection.offset(3, 3));

        selection.extendTo(selection.offset(0, 6));

        assertEquals("paragraph here.\n\none\ntwo\n\nint", selection.selectedText());
        assertEquals(6, selection.start());
    }

    @Test
    void tellsEachBlockWhatPartOfItIsSelected() {
        selection.place(selection.offset(0, 6));

        selection.extendTo(selection.offset(2, 1));

        assertEquals(new TextSelection.Range(6, 21), selection.rangeIn(0));
        assertEquals(new TextSelection.Range(0, 3), selection.rangeIn(1));
        assertEquals(new TextSelection.Range(0, 1), selection.rangeIn(2));
        assertTrue(selection.rangeIn(3).isEmpty());
    }

    @Test
    void selectsTheWordUnderACharacter() {
        selection.selectWord(selection.offset(0, 8));

        assertEquals("paragraph", selection.selectedText());
    }

    @Test
    void selectsTheLastWordOfABlockFromItsLastCharacter() {
        selection.selectWord(selection.offset(2, 2));

        assertEquals("two", selection.selectedText());
    }

    @Test
    void selectsAWholeBlockWithoutItsGaps() {
        selection.selectBlock(selection.offset(3, 12));

        assertEquals("int x = 1;\nint y = 2;", selection.selectedText());
    }

    @Test
    void selectsAllBlocksAndClearsToNothing() {
        selection.selectAll();
        String all = selection.selectedText();

        selection.clear();

        assertEquals("First paragraph here.\n\none\ntwo\n\nint x = 1;\nint y = 2;", all);
        assertTrue(selection.isEmpty());
        assertEquals("", selection.selectedText());
    }

    @Test
    void keepsTheSelectionWhenTheTextOnlyGrowsAfterIt() {
        selection.selectWord(selection.offset(0, 8));
        List<TextSelection.Block> grown = List.of(
                new TextSelection.Block("", "First paragraph here. And more"),
                new TextSelection.Block("\n\n", "streamed"));

        TextSelection carried = selection.carriedTo(grown);

        assertEquals("paragraph", carried.selectedText());
    }

    @Test
    void dropsTheSelectionWhenTheTextBeforeItChanged() {
        selection.selectWord(selection.offset(1, 1));
        List<TextSelection.Block> changed = List.of(
                new TextSelection.Block("", "First paragraph here, rendered as a list"),
                new TextSelection.Block("\n", "one"));

        TextSelection carried = selection.carriedTo(changed);

        assertTrue(carried.isEmpty());
    }

    @Test
    void selectsNothingInAMessageWithoutText() {
        TextSelection empty = new TextSelection(List.of());

        empty.selectWord(0);
        empty.selectBlock(3);
        empty.selectAll();

        assertEquals("", empty.selectedText());
        assertEquals(0, empty.blockCount());
    }
}
