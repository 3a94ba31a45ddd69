package app.hearth.ui.chat;

import app.hearth.chat.Conversation;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The conversation list: search by title, New, and per conversation Rename and Delete, with
 * a bar that undoes the last delete. Each row shows the title over the model and how long
 * ago the conversation changed.
 */
final class ConversationSidebar extends VBox {

    /** How often the rows' "5 min ago" are brought up to date. */
    private static final Duration CLOCK_TICK = Duration.seconds(30);

    private final ConversationsViewModel model;
    private final ListView<Conversation> list;

    ConversationSidebar(ConversationsViewModel model) {
        super(6);
        this.model = model;
        this.list = new ListView<>(model.getShown());
        setId("sidebar");
        getStyleClass().add("sidebar");
        setPadding(new Insets(8));
        setPrefWidth(230);
        getChildren().addAll(createTop(), createList(), createUndoBar());
        bind();
        keepTimesCurrent();
    }

    /** Puts the caret in the search box. */
    void focusSearch() {
        lookup("#conversationSearch").requestFocus();
    }

    private HBox createTop() {
        TextField search = new TextField();
        search.setId("conversationSearch");
        search.setPromptText("Search titles");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button create = new Button("New");
        create.setId("newConversation");
        create.setOnAction(event -> model.create());
        create.setMinWidth(Region.USE_PREF_SIZE);
        return new HBox(6, search, create);
    }

    private ListView<Conversation> createList() {
        list.setId("conversationList");
        list.setEditable(true);
        list.setCellFactory(view -> new ConversationCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setOnKeyPressed(event -> {
            Conversation selected = list.getSelectionModel().getSelectedItem();
            if (selected != null && event.getCode() == KeyCode.DELETE) {
                model.delete(selected);
            } else if (selected != null && event.getCode() == KeyCode.F2) {
                list.edit(list.getSelectionModel().getSelectedIndex());
            }
        });
        return list;
    }

    private HBox createUndoBar() {
        Label what = new Label();
        what.setId("deletedLabel");
        what.setWrapText(true);
        what.textProperty().bind(Bindings.createStringBinding(() -> model.deletedProperty()
                .get() == null ? "" : "Deleted “" + model.deletedProperty().get().title() + "”",
                model.deletedProperty()));
        Button undo = new Button("Undo");
        undo.setId("undoDelete");
        undo.setOnAction(event -> model.undoDelete());
        undo.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, what, spacer, undo);
        bar.getStyleClass().add("undo-bar");
        bar.visibleProperty().bind(model.deletedProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private void bind() {
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            // A save replaces a row's record by its newer copy, which is no one's choice:
            // opening it would undo a switch under way, as when a new conversation stops
            // the reply streaming in the one it replaces.
            boolean newerCopy = old != null && now != null && old.id().equals(now.id());
            if (now != null && !newerCopy && list.getEditingIndex() < 0) {
                model.open(now);
            }
        });
        model.currentProperty().addListener((obs, old, now) -> select(now));
        select(model.getCurrent());
    }

    private void keepTimesCurrent() {
        Timeline clock = new Timeline(new KeyFrame(CLOCK_TICK, event -> {
            // A refresh rebuilds the cells, which would end a rename in progress.
            if (list.getEditingIndex() < 0) {
                list.refresh();
            }
        }));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
    }

    /** The second line of a row: "stories260K · 5 min ago". */
    private static String about(Conversation conversation) {
        String when = RelativeTime.describe(conversation.updatedAtMs(),
                System.currentTimeMillis(), ZoneId.systemDefault());
        if (conversation.model() == null) {
            return when;
        }
        String file = Path.of(conversation.model()).getFileName().toString();
        String name = file.toLowerCase(Locale.ROOT).endsWith(".gguf")
                ? file.substring(0, file.length() - ".gguf".length()) : file;
        return name + " · " + when;
    }

    private void select(Conversation conversation) {
        if (conversation != null && list.getSelectionModel().getSelectedItem() != conversation) {
            list.getSelectionModel().select(conversation);
        }
    }

    /** Shows a title over the model and time; edits the title in place on Rename. */
    private final class ConversationCell extends ListCell<Conversation> {

        private final TextField editor = new TextField();
        private final Label title = new Label();
        private final Label about = new Label();
        private final VBox row = new VBox(1, title, about);

        ConversationCell() {
            title.getStyleClass().add("conversation-title");
            about.getStyleClass().add("conversation-about");
            row.setMinWidth(0);
            editor.getStyleClass().add("rename-field");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            editor.setOnAction(event -> finishRename());
            editor.setOnKeyPressed(event -> {
                if (event.getCode() == KeyCode.ESCAPE) {
                    cancelEdit();
                }
            });
            MenuItem rename = new MenuItem("Rename");
            rename.setOnAction(event -> getListView().edit(getIndex()));
            MenuItem delete = new MenuItem("Delete");
            delete.setOnAction(event -> model.delete(getItem()));
            setContextMenu(new ContextMenu(rename, delete));
            // Long titles end in "…" instead of widening the list past the sidebar.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Conversation conversation, boolean empty) {
            super.updateItem(conversation, empty);
            if (empty || conversation == null) {
                setGraphic(null);
                return;
            }
            title.setText(conversation.title());
            about.setText(about(conversation));
            setGraphic(isEditing() ? editor : row);
        }

        @Override
        public void startEdit() {
            super.startEdit();
            if (!isEditing()) {
                return;
            }
            editor.setText(getItem().title());
            setGraphic(editor);
            // Typing replaces the whole title, as in a file manager; arrows keep it.
            editor.requestFocus();
            editor.selectAll();
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            setGraphic(getItem() == null ? null : row);
        }

        private void finishRename() {
            Conversation conversation = getItem();
            cancelEdit();
            model.rename(conversation, editor.getText());
        }
    }
}
