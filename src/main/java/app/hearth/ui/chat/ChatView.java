package app.hearth.ui.chat;

import app.hearth.chat.ConversationExport;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The chat window's content: the conversation list on the left; the model choice, context
 * gauge and conversation settings on top; the transcript; and the input box with Send, Stop
 * and Regenerate. Builds its nodes in code and forwards every intent to the {@link
 * ChatViewModel}.
 */
public final class ChatView extends BorderPane {

    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N,
            KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PICK_MODEL = new KeyCodeCombination(KeyCode.K,
            KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SETTINGS = new KeyCodeCombination(KeyCode.COMMA,
            KeyCombination.SHORTCUT_DOWN);

    private final ChatViewModel model;
    private final TextArea input = new TextArea();
    private final ConversationSettingsPane settings;
    private Runnable openSettings = () -> { };

    public ChatView(ChatViewModel model) {
        this.model = model;
        this.settings = new ConversationSettingsPane(model, this::focusInput);
        setId("chat");
        getStyleClass().add("chat-view");
        setLeft(new ConversationSidebar(model.conversations()));
        BorderPane main = new BorderPane();
        main.setTop(new VBox(createToolbar(), settings));
        main.setCenter(createTranscript());
        main.setBottom(createComposer());
        setCenter(main);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onShortcut);
    }

    /** Puts the caret in the input box. */
    public void focusInput() {
        input.requestFocus();
    }

    /** Sets what Ctrl+, opens: the app's Settings dialog. */
    public void setOnOpenSettings(Runnable action) {
        openSettings = action == null ? () -> { } : action;
    }

    private VBox createToolbar() {
        ComboBox<Path> models = createModelChoice();
        Label title = new Label("Model");
        Button tune = new Button("Conversation settings");
        tune.setId("conversationSettingsButton");
        tune.setOnAction(event -> settings.toggle());
        Button settingsButton = new Button("Settings");
        settingsButton.setId("settingsButton");
        settingsButton.setOnAction(event -> openSettings.run());

        // Two rows, so that no button is cut to "…" at the window's default width.
        HBox first = new HBox(8, title, models);
        first.setAlignment(Pos.CENTER_LEFT);
        // Other features add their buttons here by this id (the model picker's Models…).
        first.setId("chatToolbar");
        HBox second = new HBox(8, createGauge(), grow(), tune, createExport(), settingsButton);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox toolbar = new VBox(6, first, second);
        toolbar.setPadding(new Insets(8, 12, 8, 12));
        toolbar.getStyleClass().add("toolbar");
        keepLabelsWhole(title, tune, settingsButton);
        return toolbar;
    }

    private ComboBox<Path> createModelChoice() {
        ComboBox<Path> models = new ComboBox<>(model.getModels());
        models.setId("modelChoice");
        models.setPromptText("No model");
        models.valueProperty().bindBidirectional(model.selectedModelProperty());
        models.setConverter(new FileNameConverter());
        models.setButtonCell(new ModelCell(model));
        models.setCellFactory(list -> new ModelCell(model));
        models.disableProperty().bind(Bindings.createBooleanBinding(model::isBusy,
                model.stateProperty()));

        // Wide enough for a whole file name such as stories260K-llama2-chat-template.gguf,
        // and wider with the window; the popup sizes itself to the longest name.
        models.setPrefWidth(340);
        models.setMinWidth(160);
        models.setMaxWidth(480);
        HBox.setHgrow(models, Priority.ALWAYS);
        Tooltip path = new Tooltip();
        path.textProperty().bind(Bindings.createStringBinding(() -> describe(
                models.getValue()), models.valueProperty()));
        models.setTooltip(path);
        return models;
    }

    /** The full path of a model, and why it cannot be used if it cannot. */
    private String describe(Path file) {
        if (file == null) {
            return "No model chosen";
        }
        String problem = model.problemOf(file);
        return problem == null ? file.toString() : problem + "\n" + file;
    }

    private static Region grow() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    private static void keepLabelsWhole(Region... nodes) {
        for (Region node : nodes) {
            node.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    private MenuButton createExport() {
        MenuItem markdown = new MenuItem("Markdown…");
        markdown.setOnAction(event -> export(ConversationExport.Format.MARKDOWN, "md"));
        MenuItem json = new MenuItem("JSON…");
        json.setOnAction(event -> export(ConversationExport.Format.JSON, "json"));
        MenuButton export = new MenuButton("Export", null, markdown, json);
        export.setId("exportButton");
        export.setMinWidth(Region.USE_PREF_SIZE);
        return export;
    }

    private void export(ConversationExport.Format format, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export conversation");
        chooser.setInitialFileName(model.getTitle().replaceAll("[^\\p{L}\\p{N} _-]", "")
                .strip() + "." + extension);
        File target = chooser.showSaveDialog(getScene().getWindow());
        if (target != null) {
            model.export(target.toPath(), format);
        }
    }

    private HBox createGauge() {
        ProgressBar gauge = new ProgressBar(0);
        gauge.setId("contextGauge");
        gauge.setPrefWidth(120);
        gauge.progressProperty().bind(Bindings.createDoubleBinding(this::contextShare,
                model.contextUsedProperty(), model.contextSizeProperty()));
        Label label = new Label();
        label.setId("contextLabel");
        label.getStyleClass().add("context-label");
        label.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "Context %,d / %,d", model.contextUsedProperty().get(),
                model.contextSizeProperty().get()), model.contextUsedProperty(),
                model.contextSizeProperty()));
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, label, gauge);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private double contextShare() {
        int size = model.contextSizeProperty().get();
        return size <= 0 ? 0 : Math.min(1.0, model.contextUsedProperty().get() / (double) size);
    }

    private StackPane createTranscript() {
        Transcript transcript = new Transcript(model);
        Label empty = new Label();
        empty.setId("emptyState");
        empty.setWrapText(true);
        empty.getStyleClass().add("empty-state");
        empty.textProperty().bind(Bindings.createStringBinding(this::emptyText,
                model.stateProperty(), model.getMessages()));
        empty.visibleProperty().bind(Bindings.isEmpty(model.getMessages()));
        empty.setMaxWidth(520);
        return new StackPane(transcript.node(), empty);
    }

    private String emptyText() {
        if (model.getState() == ChatViewModel.State.NO_MODEL) {
            return "No model yet.\n\nPut a .gguf model file in\n" + model.getModelsFolder()
                    + "\nand it appears here, or add one with Models… (Ctrl+K).\n\n"
                    + "Any GGUF file that llama.cpp loads works: Mistral, Llama, Qwen, Gemma, "
                    + "Phi… Download one from its publisher's page with your browser.";
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
        send.setOnAction(event -> {
            model.send();
            focusInput();
        });
        send.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.isBusy() || model.getState() == ChatViewModel.State.NO_MODEL,
                model.stateProperty()));

        Button stop = new Button("Stop");
        stop.setId("stopButton");
        stop.setOnAction(event -> {
            model.stop();
            focusInput();
        });
        stop.disableProperty().bind(send.disableProperty().not()
                .or(model.stateProperty().isEqualTo(ChatViewModel.State.NO_MODEL)));

        Button regenerate = new Button("Regenerate");
        regenerate.setId("regenerateButton");
        regenerate.setOnAction(event -> {
            model.regenerate();
            focusInput();
        });
        regenerate.disableProperty().bind(send.disableProperty()
                .or(Bindings.isEmpty(model.getMessages())));

        // They never take the focus and give it to the input box: they disable themselves
        // while a reply streams, and focus would otherwise jump to the sidebar's search field.
        for (Button button : List.of(send, stop, regenerate)) {
            button.setFocusTraversable(false);
        }
        VBox buttons = new VBox(6, send, stop, regenerate);
        send.setMaxWidth(Double.MAX_VALUE);
        stop.setMaxWidth(Double.MAX_VALUE);
        regenerate.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(8, input, buttons);
        HBox.setHgrow(input, Priority.ALWAYS);

        Label status = new Label();
        status.setId("statusLine");
        status.getStyleClass().add("status-line");
        status.textProperty().bind(model.statusProperty());

        VBox composer = new VBox(6, createEditBanner(), createContinueBar(), row, status);
        composer.setPadding(new Insets(8, 12, 8, 12));
        composer.getStyleClass().add("composer");
        return composer;
    }

    private HBox createEditBanner() {
        Label note = new Label("Editing an earlier message: sending it replaces it and "
                + "everything after it.");
        note.setWrapText(true);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelEdit");
        cancel.setOnAction(event -> model.cancelEdit());
        HBox banner = new HBox(8, note, cancel);
        banner.setId("editBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("edit-banner");
        banner.visibleProperty().bind(model.editingProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        model.editingProperty().addListener((obs, old, now) -> {
            if (now != null) {
                input.requestFocus();
                input.end();
            }
        });
        return banner;
    }

    private HBox createContinueBar() {
        Label note = new Label("The reply stopped at the Max tokens limit (Conversation "
                + "settings) before it was done.");
        note.setWrapText(true);
        Button more = new Button("Continue");
        more.setId("continueButton");
        more.setMinWidth(Region.USE_PREF_SIZE);
        more.setOnAction(event -> {
            model.continueReply();
            focusInput();
        });
        HBox bar = new HBox(8, note, more);
        bar.setId("continueBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("continue-bar");
        bar.visibleProperty().bind(model.continuableProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private void onKey(KeyEvent event) {
        if (event.getCode() != KeyCode.ENTER || event.isShortcutDown()) {
            return;
        }
        event.consume();
        if (event.isShiftDown()) {
            input.insertText(input.getCaretPosition(), "\n");
        } else {
            model.send();
        }
    }

    private void onShortcut(KeyEvent event) {
        if (NEW.match(event)) {
            model.conversations().create();
            focusInput();
        } else if (PICK_MODEL.match(event)) {
            model.pickModel();
        } else if (SETTINGS.match(event)) {
            openSettings.run();
        } else if (event.getCode() == KeyCode.ESCAPE && model.isBusy()) {
            model.stop();
        } else if (event.getCode() == KeyCode.ESCAPE && model.editingProperty().get() != null) {
            model.cancelEdit();
        } else {
            return;
        }
        event.consume();
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

    /** A model file by name; one that cannot be used is greyed, with the reason as tooltip. */
    private static final class ModelCell extends ListCell<Path> {

        private static final PseudoClass UNUSABLE = PseudoClass.getPseudoClass("unusable");

        private final ChatViewModel model;
        private final Tooltip tip = new Tooltip();

        ModelCell(ChatViewModel model) {
            this.model = model;
            getStyleClass().add("model-cell");
        }

        @Override
        protected void updateItem(Path path, boolean empty) {
            super.updateItem(path, empty);
            boolean none = empty || path == null;
            String problem = none ? null : model.problemOf(path);
            setText(none ? "No model" : path.getFileName().toString());
            pseudoClassStateChanged(UNUSABLE, problem != null);
            tip.setText(none ? "" : problem == null ? path.toString()
                    : "Cannot be used: " + problem + "\n" + path);
            setTooltip(none ? null : tip);
        }
    }
}
