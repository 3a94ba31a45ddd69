package app.hearth.ui.chat;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The open conversation's messages as bubbles in a scroll pane.
 *
 * <p>A conversation opens with only the bubbles at its end rendered; the others hold a
 * placeholder of about their height and are rendered as they come near the view, a few per
 * pulse, so opening a long conversation costs what fits on the screen (laying out a
 * paragraph's text is the dearest step, above all for mixed scripts). The view follows the
 * end while the reader is there; anywhere else, what is in view stays in place when bubbles
 * above it change height. FX thread only.
 */
final class Transcript {

    /** Rendering stops for this pulse after this long; the rest waits for the next one. */
    private static final long RENDER_BUDGET_NANOS = 12_000_000;
    /** Bubbles this many viewport heights beyond the view are rendered ahead of the reader. */
    private static final double AHEAD = 1.0;
    /** Before the first layout, the view is assumed to be this high, in pixels. */
    private static final double FIRST_VIEW_HEIGHT = 800;
    /** How near the end, in pixels, still counts as at the end. */
    private static final double AT_END = 4;

    private final ChatViewModel model;
    private final VBox box = new VBox(12);
    private final ScrollPane scroller = new ScrollPane(box);
    private final Runnable beforeLayout = this::beforeLayout;
    private final Runnable afterLayout = this::afterLayout;
    private boolean following = true;
    private boolean toEnd = true;
    private boolean renderQueued;
    private Node anchor;
    private double anchorOffset;

    Transcript(ChatViewModel model) {
        this.model = model;
        configure();
        bindMessages();
        listen();
    }

    ScrollPane node() {
        return scroller;
    }

    private void configure() {
        box.setId("transcript");
        scroller.setId("transcriptScroll");
        box.setPadding(new Insets(16));
        box.setFillWidth(true);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // Every change of the transcript's width lays out the text of every paragraph again.
        // The ScrollPane sizes its content twice per layout pass: at its full width, then
        // without its scroll bar's. Capped at the viewport's last width, and with a scroll bar
        // that never comes and goes, the transcript keeps one width.
        scroller.setVbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
        scroller.viewportBoundsProperty().addListener((obs, old, now) -> box.setMaxWidth(
                now.getWidth() > 0 ? now.getWidth() : Region.USE_COMPUTED_SIZE));
    }

    private void bindMessages() {
        model.getMessages().addListener((ListChangeListener<ChatMessage>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    box.getChildren().remove(change.getFrom(),
                            change.getFrom() + change.getRemovedSize());
                }
                if (change.wasAdded()) {
                    add(change.getFrom(), change.getAddedSubList());
                }
            }
        });
        add(0, model.getMessages());
    }

    private void listen() {
        scroller.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(beforeLayout);
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPreLayoutPulseListener(beforeLayout);
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
    }

    /**
     * Adds bubbles for {@code messages} at {@code index}, and renders the last of them, as
     * many as fill the view: a new message, or the end of a conversation being opened. Those
     * ahead of the view follow after the first layout, a few per pulse.
     */
    private void add(int index, List<? extends ChatMessage> messages) {
        List<MessageBubble> bubbles = new ArrayList<>();
        for (ChatMessage message : messages) {
            bubbles.add(new MessageBubble(message, model, contentWidth()));
        }
        boolean atEnd = index == box.getChildren().size();
        box.getChildren().addAll(index, bubbles);
        // Opening a conversation, sending, regenerating: the reader wants to see the end.
        toEnd |= atEnd;

        double toFill = viewHeight();
        for (int i = bubbles.size() - 1; i >= 0 && toFill > 0; i--) {
            toFill -= bubbles.get(i).estimatedHeight();
            bubbles.get(i).render();
        }
    }

    /**
     * Notes where the reader is, before this pulse's layout moves anything: at the end, or
     * looking at the anchor; after a message was added, at the end. A reply that grows while
     * the reader looks at an earlier message leaves the view where it is.
     */
    private void beforeLayout() {
        following = toEnd || scrollTop() >= maxScroll() - AT_END;
        toEnd = false;
        rememberAnchor();
    }

    private void afterLayout() {
        keepInView();
        queueRendering();
    }

    /**
     * Follows the end, or puts the anchor back where the reader saw it: during the layout,
     * the ScrollPane keeps its scroll value as a share of the content's height, which moves
     * the view whenever content above it changes height.
     */
    private void keepInView() {
        double max = maxScroll();
        if (following || max <= 0) {
            scroller.setVvalue(scroller.getVmax());
        } else if (anchor != null && anchor.getParent() == box) {
            double top = Math.max(0, Math.min(max, anchor.getLayoutY() - anchorOffset));
            scroller.setVvalue(scroller.getVmin()
                    + top / max * (scroller.getVmax() - scroller.getVmin()));
        }
    }

    /** The first bubble that reaches into the view, and where it starts relative to it. */
    private void rememberAnchor() {
        double top = scrollTop();
        anchor = null;
        for (Node bubble : box.getChildren()) {
            if (bubble.getLayoutY() + bubble.getLayoutBounds().getHeight() > top) {
                anchor = bubble;
                anchorOffset = bubble.getLayoutY() - top;
                return;
            }
        }
    }

    private void queueRendering() {
        if (renderQueued) {
            return;
        }
        List<MessageBubble> near = pendingNearView();
        if (!near.isEmpty()) {
            // After the pulse, so the rendered bubbles are laid out before they are drawn.
            renderQueued = true;
            Platform.runLater(() -> render(near));
        }
    }

    private void render(List<MessageBubble> near) {
        // TODO(#6): a bubble renders in one go, however long its message: a reply of some
        // hundred kilobytes still holds the FX thread for a second or more.
        renderQueued = false;
        long started = System.nanoTime();
        for (MessageBubble bubble : near) {
            if (bubble.getParent() == box) {
                bubble.render();
            }
            if (System.nanoTime() - started > RENDER_BUDGET_NANOS) {
                // The next pulse's layout finds the rest.
                return;
            }
        }
    }

    /** Bubbles not rendered yet that lie in or near the view, nearest first. */
    private List<MessageBubble> pendingNearView() {
        double top = scrollTop();
        double height = viewHeight();
        double from = top - height * AHEAD;
        double to = top + height * (1 + AHEAD);
        double middle = top + height / 2;
        List<MessageBubble> near = new ArrayList<>();
        for (Node node : box.getChildren()) {
            double y = node.getLayoutY();
            if (node instanceof MessageBubble bubble && bubble.isPending()
                    && y + bubble.getHeight() >= from && y <= to) {
                near.add(bubble);
            }
        }
        near.sort(Comparator.comparingDouble(bubble -> Math.abs(
                bubble.getLayoutY() + bubble.getHeight() / 2 - middle)));
        return near;
    }

    private double scrollTop() {
        double range = scroller.getVmax() - scroller.getVmin();
        return range <= 0 ? 0 : (scroller.getVvalue() - scroller.getVmin()) / range * maxScroll();
    }

    private double maxScroll() {
        return Math.max(0, box.getHeight() - scroller.getViewportBounds().getHeight());
    }

    private double viewHeight() {
        double height = scroller.getViewportBounds().getHeight();
        Scene scene = scroller.getScene();
        if (height <= 0 && scene != null) {
            height = scene.getHeight();
        }
        return height > 0 ? height : FIRST_VIEW_HEIGHT;
    }

    /** The width a bubble's text gets, for estimating heights; 0 before the first layout. */
    private double contentWidth() {
        return scroller.getViewportBounds().getWidth();
    }
}
