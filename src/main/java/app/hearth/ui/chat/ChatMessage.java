package app.hearth.ui.chat;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One message of the transcript. Touched on the JavaFX thread only. */
public final class ChatMessage {

    /** Who wrote the message. */
    public enum Role { USER, ASSISTANT }

    /** Where an assistant message stands; user messages are always complete. */
    public enum Status { STREAMING, COMPLETE, STOPPED, INTERRUPTED, FAILED }

    private final Role role;
    private final String model;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty details = new SimpleStringProperty(this, "details", "");

    ChatMessage(Role role, String model, String text, Status status) {
        this.role = role;
        this.model = model;
        this.text.set(text);
        this.status.set(status);
    }

    public Role getRole() {
        return role;
    }

    /** The model's file name for assistant messages; null for user messages. */
    public String getModel() {
        return model;
    }

    public String getText() {
        return text.get();
    }

    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    public Status getStatus() {
        return status.get();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status;
    }

    /** A line under the message: speed, or why it ended early. */
    public ReadOnlyStringProperty detailsProperty() {
        return details;
    }

    public String getDetails() {
        return details.get();
    }

    void append(String more) {
        text.set(text.get() + more);
    }

    void finish(Status finalStatus, String detailLine) {
        status.set(finalStatus);
        details.set(detailLine);
    }
}
