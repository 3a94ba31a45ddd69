package app.hearth.ui.chat;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** One message in the transcript: who wrote it, the text, and a line of details. */
final class MessageBubble extends VBox {

    private static final PseudoClass USER = PseudoClass.getPseudoClass("user");
    private static final PseudoClass STREAMING = PseudoClass.getPseudoClass("streaming");
    private static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");
    private static final PseudoClass INTERRUPTED = PseudoClass.getPseudoClass("interrupted");

    MessageBubble(ChatMessage message) {
        super(4);
        getStyleClass().add("message");
        boolean user = message.getRole() == ChatMessage.Role.USER;
        pseudoClassStateChanged(USER, user);

        Label author = new Label(user ? "You" : message.getModel());
        author.getStyleClass().add("author");

        Label text = new Label();
        text.getStyleClass().add("text");
        text.setWrapText(true);
        text.textProperty().bind(message.textProperty());
        text.setMinHeight(Label.USE_PREF_SIZE);

        Label details = new Label();
        details.getStyleClass().add("details");
        details.textProperty().bind(message.detailsProperty());
        details.visibleProperty().bind(Bindings.isNotEmpty(message.detailsProperty()));
        details.managedProperty().bind(details.visibleProperty());

        getChildren().addAll(author, text, details);
        message.statusProperty().addListener((obs, old, now) -> showStatus(now));
        showStatus(message.getStatus());
    }

    private void showStatus(ChatMessage.Status status) {
        pseudoClassStateChanged(STREAMING, status == ChatMessage.Status.STREAMING);
        pseudoClassStateChanged(INTERRUPTED, status == ChatMessage.Status.INTERRUPTED
                || status == ChatMessage.Status.FAILED);
        pseudoClassStateChanged(STOPPED, status == ChatMessage.Status.STOPPED);
    }
}
