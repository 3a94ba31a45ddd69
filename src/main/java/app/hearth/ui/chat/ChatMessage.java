package app.hearth.ui.chat;

import app.hearth.chat.Message;
import app.hearth.chat.MessageStatus;
import app.hearth.chat.ModelRef;
import app.hearth.chat.ReplyStats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;

/**
 * One message of the transcript as the window shows it, backed by the saved {@link Message}.
 * Touched on the JavaFX thread only.
 */
public final class ChatMessage {

    /** Who wrote the message. */
    public enum Role { USER, ASSISTANT }

    /** Where an assistant message stands; user messages are always complete. */
    public enum Status { STREAMING, COMPLETE, STOPPED, INTERRUPTED, FAILED }

    private final Role role;
    private Message saved;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty details = new SimpleStringProperty(this, "details", "");
    private final BooleanProperty leftOut = new SimpleBooleanProperty(this, "leftOut");

    ChatMessage(Message saved) {
        this.saved = saved;
        this.role = saved.role() == app.hearth.chat.Role.USER ? Role.USER : Role.ASSISTANT;
        this.text.set(saved.text());
        this.status.set(Status.valueOf(saved.status().name()));
        this.details.set(describe(saved));
    }

    public Role getRole() {
        return role;
    }

    /** The model's file name for assistant messages; null for user messages. */
    public String getModel() {
        return saved.model() == null ? null : saved.model().fileName();
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

    /** A line under the message: model, tokens, speed, or why it ended early. */
    public ReadOnlyStringProperty detailsProperty() {
        return details;
    }

    public String getDetails() {
        return details.get();
    }

    /** Whether the model no longer sees this message because the context is full. */
    public ReadOnlyBooleanProperty leftOutProperty() {
        return leftOut;
    }

    public boolean isLeftOut() {
        return leftOut.get();
    }

    /** The message as it is saved, with the text streamed so far. */
    Message toRecord() {
        return saved.withText(text.get());
    }

    String id() {
        return saved.id();
    }

    void append(String more) {
        text.set(text.get() + more);
    }

    void describeModel(String quantization, String templateFamily) {
        ModelRef ref = saved.model();
        if (ref == null) {
            return;
        }
        saved = new Message(saved.id(), saved.role(), saved.text(), saved.createdAtMs(),
                saved.status(), new ModelRef(ref.fileName(), ref.path(), ref.sha256(),
                        quantization, templateFamily),
                saved.sampling(), saved.systemPrompt(), saved.stats());
    }

    void setLeftOut(boolean value) {
        leftOut.set(value);
    }

    void finish(Status finalStatus, ReplyStats stats, String why) {
        saved = saved.finished(MessageStatus.valueOf(finalStatus.name()), text.get(), stats);
        status.set(finalStatus);
        details.set(why == null ? describe(saved) : why);
    }

    /** The details line of a saved message. */
    static String describe(Message message) {
        if (message.role() == app.hearth.chat.Role.USER) {
            return "";
        }
        ReplyStats stats = message.stats();
        String ending = switch (message.status()) {
            case STOPPED -> " · stopped";
            case INTERRUPTED -> " · interrupted";
            case FAILED -> " · failed";
            default -> "";
        };
        if (stats == null) {
            return ending.isEmpty() ? "" : ending.substring(3);
        }
        return String.format(Locale.ROOT, "%d tokens · %.1f tokens/s · first token after %.0f ms",
                stats.generatedTokens(), stats.tokensPerSecond(), stats.timeToFirstTokenMs())
                + ending;
    }
}
