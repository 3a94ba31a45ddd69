package app.hearth.ui.chat;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.nio.file.Path;

/**
 * The chat window's content: model choice on top, the transcript, and the input box with Send
 * and Stop. Builds its nodes in code and forwards every intent to the {@link ChatViewModel}.
 */
public final class ChatView extends BorderPane {

    private final ChatViewModel model;
    private final VBox transcript = new VBox(12);
    private final ScrollPane scroller = new ScrollPane(transcript);
    private final TextArea input = new TextArea();

    public ChatView(ChatViewModel model) {
        this.model = model;
        setId("chat");
        getStyleClass().add("chat-view");
        setTop(createToolbar());
        setCenter(createTranscript());
        setBottom(createComposer());
        bindMessages();
    }

    /** Puts the caret in the input box. */
    public void focusInput() {
        input.requestFocus();
    }

    private HBox createToolbar() {
        ComboBox<Path> models = new ComboBox<>(model.getModels());
        models.setId("modelChoice");
        models.setPromptText("No model");
        models.valueProperty().bindBidirectional(model.selectedModelProperty());
        models.setConverter(new FileNameConverter());
        models.setButtonCell(new ModelCell());
        models.setCellFactory(list -> new ModelCell());
        models.disableProperty().bind(Bindings.createBooleanBinding(model::isBusy,
                model.stateProperty()));

        Label title = new Label("Model");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, models, spacer);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(8, 12, 8, 12));
        toolbar.getStyleClass().add("toolbar");
        // Other features add their buttons here by this id (the model picker's Models…).
        toolbar.setId("chatToolbar");
        return toolbar;
    }

    private StackPane createTranscript() {
        transcript.setId("transcript");
        transcript.setPadding(new Insets(16));
        transcript.setFillWidth(true);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // Follow the reply as it grows.
        transcript.heightProperty().addListener((obs, old, now) -> scroller.setVvalue(1.0));

        Label empty = new Label();
        empty.setId("emptyState");
        empty.setWrapText(true);
        empty.getStyleClass().add("empty-state");
        empty.textProperty().bind(Bindings.createStringBinding(this::emptyText,
                model.stateProperty(), model.getMessages()));
        empty.visibleProperty().bind(Bindings.isEmpty(model.getMessages()));
        empty.setMaxWidth(520);
        return new StackPane(scroller, empty);
    }

    private String emptyText() {
        if (model.getState() == ChatViewModel.State.NO_MODEL) {
            return "No model yet.\n\nPut a .gguf model file in\n" + model.getModelsFolder()
                    + "\nand it appears here. models/README.md says where to get one.";
        }
        return "Type a message below and press Enter.";
    }

    private VBox createComposer() {
        input.setId("input");
        input.setPromptText("Message (Enter sends, Shift+Enter for a new line)");
        input.setWrapText(true);
        input.setPrefRowCount(3);
        input.textProperty().bindBidirectional(model.inputProperty());
        input.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

        Button send = new Button("Send");
        send.setId("sendButton");
        send.setDefaultButton(false);
        send.setOnAction(event -> model.send());
        send.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.isBusy() || model.getState() == ChatViewModel.State.NO_MODEL,
                model.stateProperty()));

        Button stop = new Button("Stop");
        stop.setId("stopButton");
        stop.setOnAction(event -> model.stop());
        stop.disableProperty().bind(send.disableProperty().not()
                .or(model.stateProperty().isEqualTo(ChatViewModel.State.NO_MODEL)));

        VBox buttons = new VBox(6, send, stop);
        send.setMaxWidth(Double.MAX_VALUE);
        stop.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(8, input, buttons);
        HBox.setHgrow(input, Priority.ALWAYS);

        Label status = new Label();
        status.setId("statusLine");
        status.getStyleClass().add("status-line");
        status.textProperty().bind(model.statusProperty());

        VBox composer = new VBox(6, row, status);
        composer.setPadding(new Insets(8, 12, 8, 12));
        composer.getStyleClass().add("composer");
        return composer;
    }

    private void onKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER) {
            event.consume();
            if (event.isShiftDown()) {
                input.insertText(input.getCaretPosition(), "\n");
            } else {
                model.send();
            }
        } else if (event.getCode() == KeyCode.ESCAPE) {
            event.consume();
            model.stop();
        }
    }

    private void bindMessages() {
        model.getMessages().addListener((ListChangeListener<ChatMessage>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    transcript.getChildren().remove(change.getFrom(),
                            change.getFrom() + change.getRemovedSize());
                }
                if (change.wasAdded()) {
                    for (int i = change.getFrom(); i < change.getTo(); i++) {
                        transcript.getChildren().add(i, new MessageBubble(
                                change.getList().get(i)));
                    }
                }
            }
        });
    }

    private static final class FileNameConverter extends StringConverter<Path> {
        @Override
        public String toString(Path path) {
            return path == null ? "" : path.getFileName().toString();
        }

        @Override
        public Path fromString(String text) {
            return null;
        }
    }

    private static final class ModelCell extends ListCell<Path> {
        @Override
        protected void updateItem(Path path, boolean empty) {
            super.updateItem(path, empty);
            setText(empty || path == null ? "No model" : path.getFileName().toString());
        }
    }
}
