package app.hearth.ui.chat;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;
import javafx.scene.text.HitInfo;
import javafx.scene.text.TextFlow;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Makes the text blocks of a {@link MarkdownView} selectable as in a web page: press and drag
 * across blocks, Shift+click to extend, double-click a word, triple-click a block, Ctrl+C and
 * Ctrl+A while the view has the focus, and a context menu with Copy, Copy message and Select
 * all. The selection is painted as a path behind each block's text. Moving the focus to
 * another node clears it. FX thread only.
 */
final class SelectableBlocks {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C,
            KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SELECT_ALL = new KeyCodeCombination(KeyCode.A,
            KeyCombination.SHORTCUT_DOWN);

    /** Where the pointer is: before which character, and over which one. */
    private record Hit(int insertion, int character) {
    }

    private final Region owner;
    private final Supplier<String> source;
    /** Made on first use: most messages never open one. */
    private ContextMenu menu;
    private List<TextFlow> flows = List.of();
    /** Each flow's selection highlight, made once per flow: flows outlive a re-rendering. */
    private Map<TextFlow, Path> highlights = new IdentityHashMap<>();
    private TextSelection selection = new TextSelection(List.of());
    private boolean dragging;

    /**
     * @param owner  the node that holds the blocks and takes the focus and the key presses
     * @param source the message's raw text, for Copy message
     */
    SelectableBlocks(Region owner, Supplier<String> source) {
        this.owner = owner;
        this.source = source;
        listen();
    }

    /**
     * Shows new blocks; the selection stays when the text before its end is the same, as
     * while a reply streams, and is dropped otherwise.
     */
    void show(List<TextFlow> newFlows, List<TextSelection.Block> texts) {
        TextSelection carried = selection.carriedTo(texts);
        dragging &= carried.end() == selection.end();
        selection = carried;
        flows = List.copyOf(newFlows);
        Map<TextFlow, Path> paths = new IdentityHashMap<>();
        for (int i = 0; i < flows.size(); i++) {
            TextFlow flow = flows.get(i);
            Path kept = highlights.get(flow);
            paths.put(flow, kept != null ? kept : addHighlight(flow, i));
        }
        highlights = paths;
        paint();
    }

    String selectedText() {
        return selection.selectedText();
    }

    void selectAll() {
        selection.selectAll();
        paint();
    }

    private ContextMenu createMenu() {
        MenuItem copy = new MenuItem("Copy");
        copy.setId("copySelection");
        copy.setOnAction(event -> copy());
        MenuItem copyMessage = new MenuItem("Copy message");
        copyMessage.setId("copyMessage");
        copyMessage.setOnAction(event -> MarkdownView.copyToClipboard(source.get()));
        MenuItem all = new MenuItem("Select all");
        all.setId("selectAll");
        all.setOnAction(event -> selectAll());
        ContextMenu created = new ContextMenu(copy, copyMessage, new SeparatorMenuItem(), all);
        created.setOnShowing(event -> copy.setDisable(selection.isEmpty()));
        return created;
    }

    private void listen() {
        owner.addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        owner.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        owner.addEventHandler(MouseEvent.MOUSE_RELEASED, event -> dragging = false);
        owner.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        owner.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::openMenu);
        owner.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                clearIfFocusMovedAway();
            }
        });
    }

    private void press(MouseEvent event) {
        if (isOnButton(event) || flows.isEmpty()) {
            return;
        }
        if (event.getButton() != MouseButton.PRIMARY) {
            // Left to bubble up, a right-click would give the transcript's ScrollPane the
            // focus, and the selection would be gone before the menu could copy it.
            owner.requestFocus();
            event.consume();
            return;
        }
        Hit hit = hit(event.getSceneX(), event.getSceneY());

        owner.requestFocus();
        if (event.getClickCount() >= 3) {
            selection.selectBlock(hit.character());
        } else if (event.getClickCount() == 2) {
            selection.selectWord(hit.character());
        } else if (event.isShiftDown()) {
            selection.extendTo(hit.insertion());
        } else {
            selection.place(hit.insertion());
        }
        dragging = event.getClickCount() == 1;
        paint();
        event.consume();
    }

    private void drag(MouseEvent event) {
        if (!dragging || flows.isEmpty()) {
            return;
        }
        // TODO(#6): a drag past the transcript's top or bottom edge does not scroll it yet;
        // Shift+click after scrolling extends the selection instead.
        selection.extendTo(hit(event.getSceneX(), event.getSceneY()).insertion());
        paint();
        event.consume();
    }

    private void key(KeyEvent event) {
        if (COPY.match(event)) {
            copy();
        } else if (SELECT_ALL.match(event)) {
            selectAll();
        } else {
            return;
        }
        event.consume();
    }

    private void openMenu(ContextMenuEvent event) {
        owner.requestFocus();
        if (menu == null) {
            menu = createMenu();
        }
        menu.show(owner, event.getScreenX(), event.getScreenY());
        event.consume();
    }

    private void copy() {
        if (!selection.isEmpty()) {
            MarkdownView.copyToClipboard(selection.selectedText());
        }
    }

    private void clearIfFocusMovedAway() {
        // The window losing the focus, or the menu opening, leaves the selection as it is.
        Scene scene = owner.getScene();
        if (scene == null || scene.getFocusOwner() == owner
                || menu != null && menu.isShowing()) {
            return;
        }
        selection.clear();
        paint();
    }

    /**
     * The block under a scene point, or the nearest one above it (the first block for a
     * point above all of them), and the hit in it; a point beside a line hits its end.
     */
    private Hit hit(double sceneX, double sceneY) {
        int block = 0;
        for (int i = 1; i < flows.size(); i++) {
            Bounds bounds = flows.get(i).localToScene(flows.get(i).getLayoutBounds());
            if (bounds.getMinY() <= sceneY) {
                block = i;
            }
        }
        TextFlow flow = flows.get(block);
        Point2D local = flow.sceneToLocal(sceneX, sceneY);
        double y = Math.max(0, Math.min(local.getY(), flow.getHeight() - 1));
        HitInfo info = flow.hitTest(new Point2D(local.getX(), y));
        return new Hit(selection.offset(block, info.getInsertionIndex()),
                selection.offset(block, info.getCharIndex()));
    }

    private Path addHighlight(TextFlow flow, int block) {
        Path path = new Path();
        path.getStyleClass().add("selection");
        path.setManaged(false);
        path.setMouseTransparent(true);
        path.setFill(Color.rgb(56, 132, 255, 0.3));
        path.setStroke(null);
        // Unmanaged, so the flow neither lays it out nor counts it as text; first, so behind.
        flow.getChildren().add(0, path);
        flow.setCursor(Cursor.TEXT);
        // The text wraps anew when the width changes, and its selection's shape with it.
        flow.widthProperty().addListener((obs, old, now) -> {
            if (block < flows.size() && flows.get(block) == flow) {
                paint(block);
            }
        });
        return path;
    }

    private void paint() {
        for (int i = 0; i < flows.size(); i++) {
            paint(i);
        }
    }

    private void paint(int block) {
        TextSelection.Range range = selection.rangeIn(block);
        Path path = highlights.get(flows.get(block));
        if (range.isEmpty()) {
            path.getElements().clear();
        } else {
            path.getElements().setAll(flows.get(block).rangeShape(range.start(), range.end()));
        }
    }

    private boolean isOnButton(MouseEvent event) {
        for (Node node = event.getPickResult().getIntersectedNode(); node != null
                && node != owner; node = node.getParent()) {
            if (node instanceof ButtonBase) {
                return true;
            }
        }
        return false;
    }
}
