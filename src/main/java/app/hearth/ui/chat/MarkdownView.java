package app.hearth.ui.chat;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown as JavaFX nodes: headings, paragraphs with emphasis and inline code, lists, quotes
 * and code blocks in monospace with a Copy button. Parsing is commonmark-java's; this class
 * only maps its tree to nodes. FX thread only.
 */
final class MarkdownView extends VBox {

    private static final Parser PARSER = Parser.builder().build();

    MarkdownView() {
        super(6);
        getStyleClass().add("markdown");
    }

    /** Shows {@code markdown}, replacing what was shown. */
    void show(String markdown) {
        getChildren().setAll(blocks(PARSER.parse(markdown)));
    }

    private List<Node> blocks(org.commonmark.node.Node parent) {
        List<Node> nodes = new ArrayList<>();
        for (var child = parent.getFirstChild(); child != null; child = child.getNext()) {
            Node node = block(child);
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private Node block(org.commonmark.node.Node node) {
        if (node instanceof Heading heading) {
            return styled(inline(heading), "heading", "h" + heading.getLevel());
        } else if (node instanceof Paragraph paragraph) {
            return styled(inline(paragraph), "paragraph");
        } else if (node instanceof FencedCodeBlock code) {
            return codeBlock(code.getLiteral(), code.getInfo());
        } else if (node instanceof IndentedCodeBlock code) {
            return codeBlock(code.getLiteral(), "");
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            return list(node);
        } else if (node instanceof BlockQuote quote) {
            return styled(new VBox(4, blocks(quote).toArray(Node[]::new)), "quote");
        } else if (node instanceof ThematicBreak) {
            return new Separator();
        } else if (node instanceof HtmlBlock html) {
            return styled(new TextFlow(new Text(html.getLiteral())), "paragraph");
        }
        return null;
    }

    private TextFlow inline(org.commonmark.node.Node parent) {
        TextFlow flow = new TextFlow();
        appendInline(flow, parent, List.of());
        return flow;
    }

    private void appendInline(TextFlow flow, org.commonmark.node.Node parent,
            List<String> styles) {
        for (var child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Text text) {
                flow.getChildren().add(text(text.getLiteral(), styles));
            } else if (child instanceof Code code) {
                flow.getChildren().add(text(code.getLiteral(), with(styles, "inline-code")));
            } else if (child instanceof Emphasis) {
                appendInline(flow, child, with(styles, "emphasis"));
            } else if (child instanceof StrongEmphasis) {
                appendInline(flow, child, with(styles, "strong"));
            } else if (child instanceof SoftLineBreak) {
                // Models break lines on purpose (verses, addresses, stories); keep the break,
                // as chat apps do, rather than Markdown's join into one line.
                flow.getChildren().add(text("\n", styles));
            } else if (child instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", styles));
            } else if (child instanceof HtmlInline html) {
                flow.getChildren().add(text(html.getLiteral(), styles));
            } else {
                // Links, images and the rest show their text.
                appendInline(flow, child, styles);
            }
        }
    }

    private VBox list(org.commonmark.node.Node list) {
        VBox items = new VBox(2);
        items.getStyleClass().add("list");
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber() : 1;
        for (var item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            String marker = list instanceof OrderedList ? (number++) + "." : "•";
            Label bullet = new Label(marker);
            bullet.getStyleClass().add("marker");
            bullet.setMinWidth(Region.USE_PREF_SIZE);
            VBox body = new VBox(2, blocks(item).toArray(Node[]::new));
            HBox.setHgrow(body, Priority.ALWAYS);
            items.getChildren().add(new HBox(6, bullet, body));
        }
        return items;
    }

    private VBox codeBlock(String literal, String info) {
        String code = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1)
                : literal;
        Label language = new Label(info == null ? "" : info.strip());
        language.getStyleClass().add("language");
        Button copy = new Button("Copy");
        copy.getStyleClass().add("copy-code");
        copy.setOnAction(event -> copyToClipboard(code));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, language, spacer, copy);

        TextArea area = new TextArea(code);
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("code");
        area.setPrefRowCount(Math.max(1, (int) code.lines().count()));
        area.setMinHeight(Region.USE_PREF_SIZE);
        VBox block = new VBox(2, header, area);
        block.getStyleClass().add("code-block");
        return block;
    }

    static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    private static Text text(String value, List<String> styles) {
        Text text = new Text(value);
        text.getStyleClass().add("md-text");
        text.getStyleClass().addAll(styles);
        return text;
    }

    private static List<String> with(List<String> styles, String more) {
        List<String> longer = new ArrayList<>(styles);
        longer.add(more);
        return longer;
    }

    private static <T extends Node> T styled(T node, String... classes) {
        node.getStyleClass().addAll(classes);
        return node;
    }
}
