package app.hearth.ui.chat;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * One message in the transcript: who wrote it, the text rendered as Markdown (selectable, see
 * {@link SelectableBlocks}), a line of details (model, tokens, speed), and its actions. The
 * text is rendered on the first {@link #render()}; until then the bubble is pending and its
 * body only holds about the text's height, which costs nothing to lay out.
 */
final class MessageBubble extends VBox {

    private static final PseudoClass USER = PseudoClass.getPseudoClass("user");
    private static final PseudoClass STREAMING = PseudoClass.getPseudoClass("streaming");
    private static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");
    private static final PseudoClass INTERRUPTED = PseudoClass.getPseudoClass("interrupted");
    private static final PseudoClass LEFT_OUT = PseudoClass.getPseudoClass("left-out");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    /** For estimating a pending text's height: about the width of a character and a line. */
    private static final double CHAR_WIDTH = 8;
    private static final double LINE_HEIGHT = 19;
    /** The bubble's header, details and padding, about; and its and the transcript's sides. */
    private static final double CHROME_HEIGHT = 64;
    private static final double SIDE_PADDING = 60;
    /** The text's width when the transcript's is not known yet. */
    private static final double FIRST_WIDTH = 600;

    private final ChatMessage message;
    private final MarkdownView rendered = new MarkdownView();
    /** How often a streaming reply is rendered again, at most. */
    private static final java.time.Duration RENDER_INTERVAL = java.time.Duration.ofMillis(100);

    private boolean pending = true;
    private boolean renderPending;
    private long lastRenderNanos;

    /**
     * A pending bubble.
     *
     * @param width the transcript's width, for estimating the text's height; 0 if unknown
     */
    MessageBubble(ChatMessage message, ChatViewModel model, double width) {
        super(4);
        this.message = message;
        getStyleClass().add("message");
        boolean user = message.getRole() == ChatMessage.Role.USER;
        pseudoClassStateChanged(USER, user);
        pseudoClassStateChanged(PENDING, true);
        getChildren().addAll(createHeader(user, model), createLeftOutNote(),
                createBody(width), createDetails());
        bind();
    }

    /** Whether the text has not been rendered yet. */
    boolean isPending() {
        return pending;
    }

    /** Renders the text, unless it is rendered already; from then on it follows the text. */
    void render() {
        if (!pending) {
            return;
        }
        pending = false;
        pseudoClassStateChanged(PENDING, false);
        rendered.setPrefHeight(Region.USE_COMPUTED_SIZE);
        // Not counted as a streaming rendering: a reply's first token shows at once.
        rendered.show(message.getText());
    }

    /** About how high the bubble is once rendered, in pixels. */
    double estimatedHeight() {
        return pending ? rendered.getPrefHeight() + CHROME_HEIGHT : getHeight();
    }

    private HBox createHeader(boolean user, ChatViewModel model) {
        Label author = new Label(user ? "You" : message.getModel());
        author.getStyleClass().add("author");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button copy = new Button("Copy");
        copy.getStyleClass().add("message-action");
        copy.setOnAction(event -> MarkdownView.copyToClipboard(message.getText()));
        HBox header = new HBox(6, author, spacer, copy);
        if (user) {
            Button edit = new Button("Edit");
            edit.getStyleClass().addAll("message-action", "edit-message");
            edit.setOnAction(event -> model.edit(message));
            edit.disableProperty().bind(Bindings.createBooleanBinding(model::isBusy,
                    model.stateProperty()));
            header.getChildren().add(edit);
        }
        return header;
    }

    private Label createLeftOutNote() {
        Label note = new Label("Left out of the model's context: the conversation grew "
                + "too long for it.");
        note.getStyleClass().add("left-out-note");
        note.setWrapText(true);
        note.visibleProperty().bind(message.leftOutProperty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private MarkdownView createBody(double width) {
        rendered.setPrefHeight(estimateTextHeight(message.getText(), width));
        return rendered;
    }

    private static double estimateTextHeight(String text, double width) {
        double textWidth = width > SIDE_PADDING ? width - SIDE_PADDING : FIRST_WIDTH;
        double perLine = Math.max(1, textWidth / CHAR_WIDTH);
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            lines += Math.max(1, (int) Math.ceil(line.length() / perLine));
        }
        return lines * LINE_HEIGHT;
    }

    private Label createDetails() {
        Label details = new Label();
        details.getStyleClass().add("details");
        details.setWrapText(true);
        details.textProperty().bind(Bindings.createStringBinding(this::detailsLine,
                message.detailsProperty()));
        details.visibleProperty().bind(Bindings.isNotEmpty(details.textProperty()));
        details.managedProperty().bind(details.visibleProperty());
        return details;
    }

    private void bind() {
        // Tokens can arrive many times per pulse; render the Markdown once per pulse.
        message.textProperty().addListener((obs, old, now) -> scheduleRender());
        message.statusProperty().addListener((obs, old, now) -> showStatus(now));
        message.leftOutProperty().addListener((obs, old, now) ->
                pseudoClassStateChanged(LEFT_OUT, now));
        showStatus(message.getStatus());
        pseudoClassStateChanged(LEFT_OUT, message.isLeftOut());
    }

    private void scheduleRender() {
        if (pending || renderPending) {
            return;
        }
        renderPending = true;
        // A streaming reply is rendered at most every RENDER_INTERVAL; the final text as soon
        // as it is complete. Finished blocks keep their nodes (MarkdownView.show).
        // TODO(#8): the last block is built and laid out again whole each time, so a reply
        // that is one long paragraph (or list, or code block) costs more per rendering as
        // it grows (BENCHMARKS.md, the window).
        long sinceLast = System.nanoTime() - lastRenderNanos;
        if (message.getStatus() != ChatMessage.Status.STREAMING
                || sinceLast >= RENDER_INTERVAL.toNanos()) {
            Platform.runLater(this::show);
            return;
        }
        PauseTransition delay = new PauseTransition(
                Duration.millis((RENDER_INTERVAL.toNanos() - sinceLast) / 1e6));
        delay.setOnFinished(event -> show());
        delay.play();
    }

    private void show() {
        renderPending = false;
        lastRenderNanos = System.nanoTime();
        rendered.show(message.getText());
    }

    private String detailsLine() {
        String details = message.getDetails();
        if (message.getRole() == ChatMessage.Role.USER || details.isEmpty()) {
            return details;
        }
        return message.getModel() + " · " + details;
    }

    private void showStatus(ChatMessage.Status status) {
        pseudoClassStateChanged(STREAMING, status == ChatMessage.Status.STREAMING);
        pseudoClassStateChanged(INTERRUPTED, status == ChatMessage.Status.INTERRUPTED
                || status == ChatMessage.Status.FAILED);
        pseudoClassStateChanged(STOPPED, status == ChatMessage.Status.STOPPED);
    }
}
