package app.hearth.ui.chat;

import app.hearth.chat.Message;
import app.hearth.chat.MessageStatus;
import app.hearth.chat.ModelRef;
import app.hearth.chat.ReplyStats;
import app.hearth.protocol.Sampling;
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

    /** The worker's stop reasons for a reply that the max-tokens limit or the context ended. */
    private static final String LIMIT = "length";
    private static final String FULL_CONTEXT = "context";

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
    private final BooleanProperty cutShort = new SimpleBooleanProperty(this, "cutShort");
    /** The reply as it stood when Continue started; null unless it is going on. */
    private Message beforeContinue;

    ChatMessage(Message saved) {
        this.saved = saved;
        this.role = saved.role() == app.hearth.chat.Role.USER ? Role.USER : Role.ASSISTANT;
        this.text.set(saved.text());
        this.status.set(Status.valueOf(saved.status().name()));
        this.details.set(describe(saved));
        this.cutShort.set(cutShort(saved));
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

    /**
     * Whether this is a reply that the max-tokens limit ended mid-way, which Continue can
     * carry on; false while it streams.
     */
    public ReadOnlyBooleanProperty cutShortProperty() {
        return cutShort;
    }

    public boolean isCutShort() {
        return cutShort.get();
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

    /**
     * Makes the reply stream again, to go on where it ended, with the settings of the part
     * to come.
     */
    void resume(Sampling sampling) {
        beforeContinue = saved;
        saved = new Message(saved.id(), saved.role(), text.get(), saved.createdAtMs(),
                MessageStatus.STREAMING, saved.model(), sampling, saved.systemPrompt(),
                saved.stats());
        cutShort.set(false);
        status.set(Status.STREAMING);
    }

    /** The reply so far that a Continue goes on from; empty for a reply that began anew. */
    String replyStart() {
        return beforeContinue == null ? "" : beforeContinue.text();
    }

    /** Puts a reply whose Continue could not start back as it was. */
    void abandonContinue() {
        if (beforeContinue == null) {
            return;
        }
        saved = beforeContinue;
        beforeContinue = null;
        text.set(saved.text());
        status.set(Status.valueOf(saved.status().name()));
        details.set(describe(saved));
        cutShort.set(cutShort(saved));
    }

    void finish(Status finalStatus, ReplyStats stats, String why) {
        ReplyStats measured = beforeContinue == null || stats == null ? stats
                : joined(beforeContinue.stats(), stats);
        beforeContinue = null;
        saved = saved.finished(MessageStatus.valueOf(finalStatus.name()), text.get(), measured);
        status.set(finalStatus);
        details.set(why == null ? describe(saved) : why);
        cutShort.set(cutShort(saved));
    }

    /**
     * A continued reply's figures: every token generated, its first token's delay, and the
     * prompt, speed and stop of the last part.
     */
    private static ReplyStats joined(ReplyStats before, ReplyStats after) {
        if (before == null) {
            return after;
        }
        return new ReplyStats(after.promptTokens(),
                before.generatedTokens() + after.generatedTokens(),
                before.timeToFirstTokenMs(), after.tokensPerSecond(),
                before.loadMs() + after.loadMs(), after.stopReason());
    }

    private static boolean cutShort(Message message) {
        return message.status() == MessageStatus.COMPLETE && message.stats() != null
                && LIMIT.equals(message.stats().stopReason());
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
            case COMPLETE -> cutEnding(message);
            default -> "";
        };
        if (stats == null) {
            return ending.isEmpty() ? "" : ending.substring(3);
        }
        return String.format(Locale.ROOT, "%d tokens · %.1f tokens/s · first token after %.0f ms",
                stats.generatedTokens(), stats.tokensPerSecond(), stats.timeToFirstTokenMs())
                + ending;
    }

    /** Why a complete reply ended early, if a limit ended it. */
    private static String cutEnding(Message message) {
        String reason = message.stats() == null ? null : message.stats().stopReason();
        if (LIMIT.equals(reason)) {
            return message.sampling() == null ? " · stopped at the token limit"
                    : String.format(Locale.ROOT, " · stopped at the %d-token limit",
                            message.sampling().maxTokens());
        }
        return FULL_CONTEXT.equals(reason) ? " · stopped: the context is full" : "";
    }
}
