package app.hearth.ui.chat;

import java.text.BreakIterator;
import java.util.List;

/**
 * A selection over the text blocks of one message (paragraphs, headings, list items, code
 * blocks), in reading order, as a reader drags across them.
 *
 * <p>Offsets are global: block {@code i}'s characters start at {@link #blockStart(int)}, and
 * each block but the first is preceded by its gap ({@code "\n\n"} between paragraphs,
 * {@code "\n"} between list items), which a selection spanning both blocks copies. The
 * anchor is where the selection began and the caret where it ends; either may come first.
 *
 * <p>Pure logic, no JavaFX; confined to one thread by its owner.
 */
final class TextSelection {

    /** One block's plain text and the separator that comes before it. */
    record Block(String gapBefore, String text) {
        Block {
            if (gapBefore == null || text == null) {
                throw new IllegalArgumentException("a block needs a gap and a text");
            }
        }
    }

    /** A range of a block's own offsets, start inclusive and end exclusive. */
    record Range(int start, int end) {
        boolean isEmpty() {
            return start >= end;
        }
    }

    private static final Range NONE = new Range(0, 0);

    private final List<Block> blocks;
    private final int[] starts;
    private final String text;
    private int anchor;
    private int caret;

    TextSelection(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
        this.starts = new int[this.blocks.size()];
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < starts.length; i++) {
            if (i > 0) {
                all.append(this.blocks.get(i).gapBefore());
            }
            starts[i] = all.length();
            all.append(this.blocks.get(i).text());
        }
        this.text = all.toString();
    }

    int blockCount() {
        return blocks.size();
    }

    int blockStart(int block) {
        return starts[block];
    }

    /** The global offset of {@code local} in {@code block}, clamped to the block. */
    int offset(int block, int local) {
        return starts[block] + Math.max(0, Math.min(local, blocks.get(block).text().length()));
    }

    /** Starts a selection at {@code offset}: nothing is selected yet. */
    void place(int offset) {
        anchor = clamp(offset);
        caret = anchor;
    }

    /** Moves the caret, keeping the anchor: what a drag or a Shift+click does. */
    void extendTo(int offset) {
        caret = clamp(offset);
    }

    /** Selects the word, run of spaces or mark that holds the character at {@code offset}. */
    void selectWord(int offset) {
        if (blocks.isEmpty()) {
            return;
        }
        int block = blockAt(offset);
        String own = blocks.get(block).text();
        if (own.isEmpty()) {
            place(starts[block]);
            return;
        }

        int at = Math.max(0, Math.min(offset - starts[block], own.length() - 1));
        BreakIterator words = BreakIterator.getWordInstance();
        words.setText(own);
        int start = words.isBoundary(at) ? at : words.preceding(at);
        select(starts[block] + start, starts[block] + words.following(at));
    }

    /** Selects the whole block at {@code offset}, without its gaps. */
    void selectBlock(int offset) {
        if (blocks.isEmpty()) {
            return;
        }
        int block = blockAt(offset);
        select(starts[block], starts[block] + blocks.get(block).text().length());
    }

    void selectAll() {
        select(0, text.length());
    }

    void clear() {
        place(caret);
    }

    int start() {
        return Math.min(anchor, caret);
    }

    int end() {
        return Math.max(anchor, caret);
    }

    boolean isEmpty() {
        return anchor == caret;
    }

    /** The selected text, gaps between blocks included; empty when nothing is selected. */
    String selectedText() {
        return text.substring(start(), end());
    }

    /** What is selected of {@code block}, in the block's own offsets; empty for none. */
    Range rangeIn(int block) {
        int from = Math.max(start(), starts[block]) - starts[block];
        int to = Math.min(end(), starts[block] + blocks.get(block).text().length())
                - starts[block];
        return from < to ? new Range(from, to) : NONE;
    }

    /**
     * The same selection over {@code newer} blocks when the text up to its end is unchanged,
     * as it is while a reply streams; otherwise nothing selected.
     */
    TextSelection carriedTo(List<Block> newer) {
        TextSelection next = new TextSelection(newer);
        if (next.text.length() >= end() && next.text.startsWith(text.substring(0, end()))) {
            next.anchor = anchor;
            next.caret = caret;
        }
        return next;
    }

    private void select(int from, int to) {
        anchor = clamp(from);
        caret = clamp(to);
    }

    private int blockAt(int offset) {
        int block = 0;
        while (block + 1 < starts.length && starts[block + 1] <= offset) {
            block++;
        }
        return block;
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, text.length()));
    }
}
