package app.hearth.ui.chat;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
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
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The nodes of one Markdown document: headings, paragraphs with emphasis and inline code,
 * lists, quotes, and code blocks in monospace with a Copy button. Every run of text is a
 * TextFlow, recorded in reading order with its plain text, so that a selection can span them.
 * Parsing is commonmark-java's; this class maps its tree to nodes. A streaming reply only
 * grows at its end, so the nodes of its finished blocks are kept from one rendering to the
 * next and only the blocks after them are built again. FX thread only.
 */
final class MarkdownBlocks {

    private static final Parser PARSER = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    /** One stretch of inline text and the style classes it carries. */
    private record Run(String text, List<String> styles) {
    }

    /**
     * One top-level block: where its source lies in the text, and what it became (a node or
     * none, and its text blocks, which are {@link #flows} and {@link #texts} from
     * {@code firstText} on, {@code textCount} of them).
     */
    private record Built(int start, int end, Node node, int firstText, int textCount) {
    }

    private final String markdown;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Built> built = new ArrayList<>();
    private final List<TextFlow> flows = new ArrayList<>();
    private final List<TextSelection.Block> texts = new ArrayList<>();
    private int definitions;
    private int listDepth;
    private boolean nextIsListItem;

    private MarkdownBlocks(String markdown) {
        this.markdown = markdown;
    }

    static MarkdownBlocks of(String markdown) {
        return of(markdown, null);
    }

    /**
     * The nodes of {@code markdown}, with those of {@code previous}'s leading blocks that
     * the new text leaves as they were; null builds everything.
     */
    static MarkdownBlocks of(String markdown, MarkdownBlocks previous) {
        MarkdownBlocks blocks = new MarkdownBlocks(markdown);
        blocks.build(PARSER.parse(markdown), previous);
        return blocks;
    }

    /** How many of the top-level nodes, from the first, are the same as {@code previous}'s. */
    int keptFrom(MarkdownBlocks previous) {
        int kept = 0;
        while (kept < nodes.size() && kept < previous.nodes.size()
                && nodes.get(kept) == previous.nodes.get(kept)) {
            kept++;
        }
        return kept;
    }

    /** The top-level nodes, in order. */
    List<Node> nodes() {
        return nodes;
    }

    /** Every text block's flow, in reading order. */
    List<TextFlow> flows() {
        return flows;
    }

    /** Every text block's plain text and gap, in the order of {@link #flows()}. */
    List<TextSelection.Block> texts() {
        return texts;
    }

    private void build(org.commonmark.node.Node document, MarkdownBlocks previous) {
        for (var child = document.getFirstChild(); child != null; child = child.getNext()) {
            definitions += child instanceof LinkReferenceDefinition ? 1 : 0;
        }
        boolean reusable = previous != null && previous.definitions == definitions
                && markdown.startsWith(previous.markdown);
        int index = 0;
        for (var child = document.getFirstChild(); child != null; child = child.getNext()) {
            List<SourceSpan> spans = child.getSourceSpans();
            int start = spans.isEmpty() ? -1 : spans.get(0).getInputIndex();
            SourceSpan last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            int end = last == null ? -1 : last.getInputIndex() + last.getLength();
            reusable = reusable && index < previous.built.size()
                    && previous.isFinished(index, start, end);
            if (reusable) {
                reuse(previous, previous.built.get(index));
            } else {
                int firstText = texts.size();
                Node node = block(child);
                add(new Built(start, end, node, firstText, texts.size() - firstText));
            }
            index++;
        }
    }

    /**
     * Whether block {@code index} had the source {@code start} to {@code end} and ended before
     * the end of the text, so that text appended later cannot change it. A later link
     * reference definition could (it turns "[x]" into a link); {@link #build} starts anew
     * when their number changes.
     */
    private boolean isFinished(int index, int start, int end) {
        Built block = built.get(index);
        return start >= 0 && block.start() == start && block.end() == end
                && end < markdown.length();
    }

    private void reuse(MarkdownBlocks previous, Built block) {
        int firstText = texts.size();
        flows.addAll(previous.flows.subList(block.firstText(),
                block.firstText() + block.textCount()));
        texts.addAll(previous.texts.subList(block.firstText(),
                block.firstText() + block.textCount()));
        add(new Built(block.start(), block.end(), block.node(), firstText, block.textCount()));
    }

    private void add(Built block) {
        built.add(block);
        if (block.node() != null) {
            nodes.add(block.node());
        }
    }

    private List<Node> blocks(org.commonmark.node.Node parent) {
        List<Node> children = new ArrayList<>();
        for (var child = parent.getFirstChild(); child != null; child = child.getNext()) {
            Node node = block(child);
            if (node != null) {
                children.add(node);
            }
        }
        return children;
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
            return styled(flow(List.of(new Run(html.getLiteral(), List.of()))), "paragraph");
        }
        return null;
    }

    private TextFlow inline(org.commonmark.node.Node parent) {
        List<Run> runs = new ArrayList<>();
        appendInline(runs, parent, List.of());
        return flow(runs);
    }

    private void appendInline(List<Run> runs, org.commonmark.node.Node parent,
            List<String> styles) {
        for (var child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Text text) {
                runs.add(new Run(text.getLiteral(), styles));
            } else if (child instanceof Code code) {
                runs.add(new Run(code.getLiteral(), with(styles, "inline-code")));
            } else if (child instanceof Emphasis) {
                appendInline(runs, child, with(styles, "emphasis"));
            } else if (child instanceof StrongEmphasis) {
                appendInline(runs, child, with(styles, "strong"));
            } else if (child instanceof SoftLineBreak) {
                // Models break lines on purpose (verses, addresses, stories); keep the break,
                // as chat apps do, rather than Markdown's join into one line.
                runs.add(new Run("\n", styles));
            } else if (child instanceof HardLineBreak) {
                runs.add(new Run("\n", styles));
            } else if (child instanceof HtmlInline html) {
                runs.add(new Run(html.getLiteral(), styles));
            } else {
                // Links, images and the rest show their text.
                appendInline(runs, child, styles);
            }
        }
    }

    /** A text block: the runs as Text nodes, cut where WrapCuts says, and recorded. */
    private TextFlow flow(List<Run> runs) {
        StringBuilder plain = new StringBuilder();
        runs.forEach(run -> plain.append(run.text()));
        List<Integer> cuts = WrapCuts.of(plain.toString());

        TextFlow flow = new TextFlow();
        int start = 0;
        int cut = 0;
        for (Run run : runs) {
            int end = start + run.text().length();
            int piece = start;
            for (; cut < cuts.size() && cuts.get(cut) < end; cut++) {
                addText(flow, plain.substring(piece, cuts.get(cut)), run.styles());
                piece = cuts.get(cut);
            }
            addText(flow, plain.substring(piece, end), run.styles());
            start = end;
        }

        String gap = texts.isEmpty() ? "" : nextIsListItem ? "\n" : "\n\n";
        nextIsListItem = false;
        flows.add(flow);
        texts.add(new TextSelection.Block(gap, plain.toString()));
        return flow;
    }

    private VBox list(org.commonmark.node.Node list) {
        VBox items = new VBox(2);
        items.getStyleClass().add("list");
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber() : 1;
        listDepth++;
        for (var item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            // Items copy one to a line; a top-level list still starts a paragraph.
            nextIsListItem = listDepth > 1 || !items.getChildren().isEmpty();
            String marker = list instanceof OrderedList ? (number++) + "." : "•";
            Label bullet = new Label(marker);
            bullet.getStyleClass().add("marker");
            bullet.setMinWidth(Region.USE_PREF_SIZE);
            VBox body = new VBox(2, blocks(item).toArray(Node[]::new));
            HBox.setHgrow(body, Priority.ALWAYS);
            items.getChildren().add(new HBox(6, bullet, body));
        }
        listDepth--;
        return items;
    }

    private VBox codeBlock(String literal, String info) {
        String code = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1)
                : literal;
        Label language = new Label(info == null ? "" : info.strip());
        language.getStyleClass().add("language");
        Button copy = new Button("Copy");
        copy.getStyleClass().add("copy-code");
        copy.setOnAction(event -> MarkdownView.copyToClipboard(code));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, language, spacer, copy);

        // Long lines wrap, as the reply's text does, so that the bubble never scrolls sideways.
        TextFlow text = styled(flow(List.of(new Run(code, List.of("code-text")))), "code");
        VBox block = new VBox(2, header, text);
        block.getStyleClass().add("code-block");
        return block;
    }

    private static void addText(TextFlow flow, String value, List<String> styles) {
        if (value.isEmpty()) {
            return;
        }
        Text text = new Text(value);
        text.getStyleClass().add("md-text");
        text.getStyleClass().addAll(styles);
        flow.getChildren().add(text);
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
