package app.hearth.ui.chat;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/**
 * A message's Markdown as JavaFX nodes ({@link MarkdownBlocks}) whose text can be selected
 * and copied across its blocks ({@link SelectableBlocks}). FX thread only.
 */
final class MarkdownView extends VBox {

    private final SelectableBlocks selection;
    private String markdown = "";
    private MarkdownBlocks blocks;

    MarkdownView() {
        super(6);
        getStyleClass().add("markdown");
        selection = new SelectableBlocks(this, () -> markdown);
    }

    /**
     * Shows {@code markdown}, replacing what was shown; the nodes of the leading blocks that
     * are still the same stay, so a streaming reply costs only its last blocks.
     */
    void show(String newMarkdown) {
        markdown = newMarkdown;
        MarkdownBlocks next = MarkdownBlocks.of(newMarkdown, blocks);
        int kept = blocks == null ? 0 : next.keptFrom(blocks);
        getChildren().remove(kept, getChildren().size());
        getChildren().addAll(next.nodes().subList(kept, next.nodes().size()));
        blocks = next;
        selection.show(next.flows(), next.texts());
    }

    /** The selected text as plain text: no Markdown markers; empty when none. */
    String selectedText() {
        return selection.selectedText();
    }

    void selectAll() {
        selection.selectAll();
    }

    static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
