package app.hearth.ui.chat;

import app.hearth.chat.Conversation;
import app.hearth.chat.ConversationStore;
import app.hearth.protocol.Sampling;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.tinylog.Logger;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The conversation list: which conversations exist, which one is open, the search, and
 * saving. Methods run on the JavaFX thread; the disk is touched on the {@code disk} executor
 * (one thread, so saves of one conversation keep their order) and results come back through
 * {@code Platform.runLater}. Without a store everything stays in memory.
 */
public final class ConversationsViewModel {

    private final ConversationStore store;
    private final Executor disk;
    private final Consumer<String> notifier;
    private final ObservableList<Conversation> all = FXCollections.observableArrayList();
    private final FilteredList<Conversation> shown = new FilteredList<>(all);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyObjectWrapper<Conversation> current =
            new ReadOnlyObjectWrapper<>(this, "current");
    private final ObjectProperty<Conversation> deleted = new SimpleObjectProperty<>(this,
            "deleted");
    private final Set<String> unsaved = new HashSet<>();
    private Sampling defaults;

    /**
     * @param store    where conversations are saved; null keeps them in memory only
     * @param disk     runs disk reads and writes, one at a time
     * @param notifier shows one sentence to people; called on the JavaFX thread
     * @param defaults sampling settings of new conversations
     */
    public ConversationsViewModel(ConversationStore store, Executor disk,
            Consumer<String> notifier, Sampling defaults) {
        this.store = store;
        this.disk = disk;
        this.notifier = notifier;
        this.defaults = defaults;
        search.addListener((obs, old, now) -> shown.setPredicate(matching(now)));
        current.set(blank(null));
        all.add(current.get());
    }

    /** Reads the saved conversations and reopens the one that was open last. */
    public void load() {
        if (store == null) {
            return;
        }
        disk.execute(() -> {
            ConversationStore.LoadResult result = store.loadAll();
            String open = store.lastOpen();
            Platform.runLater(() -> showLoaded(result, open));
        });
    }

    /**
     * Opens a new, empty conversation with the open one's model and the default settings, as
     * a new chat starts in other apps: a system prompt is never carried over unseen.
     */
    public void create() {
        Conversation previous = current.get();
        if (previous != null && previous.messages().isEmpty() && all.contains(previous)) {
            return;
        }
        Conversation fresh = blank(previous);
        all.add(0, fresh);
        open(fresh);
    }

    /** Opens a conversation of the list. */
    public void open(Conversation conversation) {
        if (conversation == null || (current.get() != null
                && current.get().id().equals(conversation.id()))) {
            return;
        }
        current.set(conversation);
        if (store != null) {
            String id = conversation.id();
            disk.execute(() -> rememberOpen(id));
        }
    }

    /** Gives a conversation another title. */
    public void rename(Conversation conversation, String title) {
        if (title == null || title.isBlank()) {
            return;
        }
        update(conversation.withTitle(title.strip(), System.currentTimeMillis()));
    }

    /** Deletes a conversation; {@link #undoDelete()} brings it back. */
    public void delete(Conversation conversation) {
        int index = all.indexOf(conversation);
        if (index < 0) {
            return;
        }
        all.remove(index);
        deleted.set(conversation);
        if (conversation == current.get()) {
            if (all.isEmpty()) {
                all.add(blank(conversation));
            }
            open(all.get(Math.min(index, all.size() - 1)));
        }
        if (store != null) {
            disk.execute(() -> deleteFile(conversation));
        }
    }

    /** Brings back the conversation deleted last, and opens it. */
    public void undoDelete() {
        Conversation back = deleted.get();
        if (back == null) {
            return;
        }
        deleted.set(null);
        all.add(0, back);
        save(back);
        open(back);
    }

    /** Replaces a conversation by its changed copy and saves it. */
    public void update(Conversation changed) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(changed.id())) {
                all.set(i, changed);
            }
        }
        if (current.get() != null && current.get().id().equals(changed.id())) {
            current.set(changed);
        }
        save(changed);
    }

    /** Queues another save of every conversation whose last save failed. */
    public void retryUnsaved() {
        for (Conversation conversation : List.copyOf(all)) {
            if (unsaved.contains(conversation.id())) {
                save(conversation);
            }
        }
    }

    /** Settings of conversations created from now on. */
    public void setDefaults(Sampling sampling) {
        defaults = sampling;
    }

    /** The conversations that match the search, newest first. */
    public ObservableList<Conversation> getShown() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyObjectProperty<Conversation> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Conversation getCurrent() {
        return current.get();
    }

    /** The conversation deleted last, while it can be brought back; null otherwise. */
    public ObjectProperty<Conversation> deletedProperty() {
        return deleted;
    }

    private void showLoaded(ConversationStore.LoadResult result, String open) {
        result.problems().forEach(notifier);
        List<Conversation> loaded = result.conversations().stream()
                .filter(this::worthKeeping).toList();
        forgetBlanks(result.conversations());
        if (loaded.isEmpty()) {
            return;
        }
        Conversation unused = current.get();
        all.setAll(loaded);
        Conversation reopen = loaded.stream()
                .filter(conversation -> conversation.id().equals(open))
                .findFirst()
                .orElse(loaded.get(0));
        if (unused != null && !unused.messages().isEmpty()) {
            all.add(0, unused);
            return;
        }
        current.set(reopen);
    }

    private void save(Conversation conversation) {
        if (store == null) {
            return;
        }
        if (!worthKeeping(conversation)) {
            // Changed back to a blank: a file written before must not bring the old back.
            disk.execute(() -> forgetQuietly(conversation));
            return;
        }
        disk.execute(() -> {
            boolean saved = write(conversation);
            Platform.runLater(() -> recordSave(conversation, saved));
        });
    }

    private boolean write(Conversation conversation) {
        try {
            store.save(conversation);
            return true;
        } catch (IOException | RuntimeException e) {
            Logger.error(e, "Could not save conversation {}", conversation.id());
            return false;
        }
    }

    private void recordSave(Conversation conversation, boolean saved) {
        if (saved) {
            unsaved.remove(conversation.id());
            return;
        }
        unsaved.add(conversation.id());
        notifier.accept("Could not save “" + conversation.title() + "” (see the log). It "
                + "stays on screen, and Hearth tries again with your next change.");
    }

    private void rememberOpen(String id) {
        try {
            store.rememberOpen(id);
        } catch (IOException e) {
            Logger.warn(e, "Could not remember the open conversation");
        }
    }

    private void forgetQuietly(Conversation conversation) {
        try {
            store.delete(conversation.id());
        } catch (IOException e) {
            Logger.warn(e, "Could not remove the blank conversation {}", conversation.id());
        }
    }

    private void deleteFile(Conversation conversation) {
        try {
            store.delete(conversation.id());
        } catch (IOException e) {
            Logger.error(e, "Could not delete conversation {}", conversation.id());
            Platform.runLater(() -> notifier.accept("Could not delete “"
                    + conversation.title() + "” from the disk; see the log."));
        }
    }

    private Conversation blank(Conversation like) {
        String model = like == null ? null : like.model();
        return Conversation.start(UUID.randomUUID().toString(), model, "", defaults,
                System.currentTimeMillis());
    }

    /**
     * Whether a conversation holds anything a person would miss: a message, a title, a system
     * prompt or settings of its own. The empty one every start opens is not written, so it
     * does not pile up in the list, restart after restart.
     */
    private boolean worthKeeping(Conversation conversation) {
        return !conversation.messages().isEmpty()
                || !conversation.title().equals(Conversation.UNTITLED)
                || !conversation.systemPrompt().isBlank()
                || !conversation.sampling().equals(defaults);
    }

    /** Removes the files of empty conversations that earlier versions wrote. */
    private void forgetBlanks(List<Conversation> loaded) {
        List<Conversation> blanks = loaded.stream()
                .filter(conversation -> !worthKeeping(conversation)).toList();
        if (store != null && !blanks.isEmpty()) {
            disk.execute(() -> blanks.forEach(this::deleteFile));
        }
    }

    private static java.util.function.Predicate<Conversation> matching(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return conversation -> conversation.title().toLowerCase(Locale.ROOT).contains(needle);
    }
}
