package app.hearth.ui.models;

import app.hearth.models.FitVerdict;
import app.hearth.models.ModelFormat;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The model picker's content: the models folders on top, the table of models, the selected
 * model's details and chat template, and the Load now and Use buttons. Files and folders
 * dropped on it are added. Builds its nodes in code and forwards every intent to the
 * {@link ModelPickerViewModel}.
 */
final class ModelPickerView extends BorderPane {

    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass CACHED = PseudoClass.getPseudoClass("cached");
    private static final PseudoClass TIGHT = PseudoClass.getPseudoClass("tight");
    private static final PseudoClass NO_FIT = PseudoClass.getPseudoClass("no-fit");

    private final ModelPickerViewModel model;
    private final Runnable close;
    private final TableView<ModelRow> table = new TableView<>();

    /**
     * @param model the picker's state
     * @param close hides the dialog
     */
    ModelPickerView(ModelPickerViewModel model, Runnable close) {
        this.model = model;
        this.close = close;
        setId("modelPicker");
        getStyleClass().add("model-picker");
        getStylesheets().add(ModelPickerView.class.getResource("models.css").toExternalForm());
        setTop(createFolders());
        setCenter(createContent());
        setBottom(createActions());
        bindSelection();
        acceptDrops();
    }

    private HBox createFolders() {
        Label folders = new Label();
        folders.setId("folderList");
        folders.getStyleClass().add("folders");
        folders.textProperty().bind(Bindings.createStringBinding(() -> model.getFolders()
                .stream().map(Path::toString).collect(Collectors.joining("   ·   ")),
                model.getFolders()));
        Label title = new Label("Folders");
        title.getStyleClass().add("title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, folders, spacer,
                button("addFolderButton", "Add folder…", this::addFolder),
                button("addFileButton", "Add file…", this::addFile),
                button("refreshButton", "Refresh", model::refresh));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private SplitPane createContent() {
        table.setId("modelTable");
        table.setItems(model.getRows());
        table.setPlaceholder(new Label("No .gguf files here yet. Drop model files on this "
                + "window, or add a folder."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                // Files are what people put in the folder; the model's own name (often just
                // "llama") is in the details.
                textColumn("File", "file", row -> row.entry().fileName(), 250),
                // Short headings, as other model apps use, so no heading is cut to "…".
                textColumn("Arch", "architecture", ModelRow::architecture, 80),
                numberColumn("Params", "parameters", ModelRow::parameters,
                        ModelRow::parametersText),
                textColumn("Quant", "quantization", ModelRow::quantization, 80),
                numberColumn("Context", "context", ModelRow::context,
                        tokens -> tokens > 0 ? ModelFormat.context(tokens) : ""),
                numberColumn("Size", "size", ModelRow::sizeBytes, ModelFormat::size),
                numberColumn("Memory", "memory", ModelRow::estimatedBytes,
                        bytes -> bytes < 0 ? "" : ModelFormat.size(bytes)),
                fitColumn(),
                textColumn("Status", "status", ModelRow::statusText, 160)));
        table.setRowFactory(view -> new PickerRow());

        table.setMinHeight(160);
        SplitPane split = new SplitPane(table, createDetails());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        return split;
    }

    private HBox createDetails() {
        Label details = new Label();
        details.setId("details");
        details.getStyleClass().add("details");
        details.setWrapText(true);
        details.textProperty().bind(model.detailsProperty());
        Label pushOut = new Label();
        pushOut.setId("pushOut");
        pushOut.getStyleClass().add("push-out");
        pushOut.setWrapText(true);
        pushOut.textProperty().bind(model.pushOutProperty());
        VBox facts = new VBox(8, details, pushOut);
        facts.setPadding(new Insets(0, 8, 0, 0));
        // Long details scroll rather than end in "…".
        ScrollPane factsScroll = new ScrollPane(facts);
        factsScroll.setFitToWidth(true);
        factsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        factsScroll.setPrefWidth(470);
        factsScroll.setMinWidth(300);
        factsScroll.getStyleClass().add("edge-to-edge");

        Label heading = new Label();
        heading.getStyleClass().add("title");
        heading.textProperty().bind(Bindings.createStringBinding(() -> {
            ModelRow row = model.selectedProperty().get();
            return row == null ? "Chat template"
                    : "Chat template (" + ModelDetails.family(row.entry()) + ")";
        }, model.selectedProperty()));
        TextArea template = new TextArea();
        template.setId("templateText");
        template.setEditable(false);
        template.setWrapText(true);
        template.textProperty().bind(model.templateProperty());
        VBox.setVgrow(template, Priority.ALWAYS);
        VBox templateBox = new VBox(4, heading, template);
        HBox.setHgrow(templateBox, Priority.ALWAYS);

        HBox box = new HBox(16, factsScroll, templateBox);
        // Long details scroll out of view rather than squeeze the table.
        box.setMinHeight(0);
        box.setPadding(new Insets(10, 12, 10, 12));
        box.getStyleClass().add("details-pane");
        return box;
    }

    private HBox createActions() {
        ProgressBar progress = new ProgressBar();
        progress.setId("loadProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.progressProperty().isNotEqualTo(0, 0));
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("pickerStatus");
        status.getStyleClass().add("status");
        status.textProperty().bind(model.statusProperty());

        Button load = button("loadNowButton", "Load now", model::loadNow);
        Button use = button("chooseButton", "Use for this conversation", this::choose);
        use.setDefaultButton(true);
        Button done = button("closeButton", "Close", close);
        done.setCancelButton(true);
        var unusable = Bindings.createBooleanBinding(() -> model.selectedProperty().get() == null
                || !model.selectedProperty().get().entry().readable(), model.selectedProperty());
        use.disableProperty().bind(unusable);
        load.disableProperty().bind(unusable.or(model.stateProperty()
                .isEqualTo(ModelPickerViewModel.State.LOADING_MODEL)));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, progress, status, spacer, load, use, done);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 10, 12));
        return bar;
    }

    private void choose() {
        model.choose();
        close.run();
    }

    private void addFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Add a folder of models");
        File folder = chooser.showDialog(getScene().getWindow());
        if (folder != null) {
            model.addFolder(folder.toPath());
        }
    }

    private void addFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add model files");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("GGUF models", "*.gguf"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (chosen != null) {
            model.addFiles(chosen.stream().map(File::toPath).toList());
        }
    }

    private void bindSelection() {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.selectedProperty().set(row);
            }
        });
        // The rows are rebuilt when the cache or the folders change; keep the same model selected.
        model.getRows().addListener((ListChangeListener<ModelRow>) change -> {
            ModelRow wanted = model.selectedProperty().get();
            if (wanted != null && table.getSelectionModel().getSelectedItem() != wanted) {
                table.getSelectionModel().select(wanted);
            }
        });
        table.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2
                    && model.selectedProperty().get() != null) {
                choose();
            }
        });
    }

    private void acceptDrops() {
        addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                event.consume();
            }
        });
        addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            boolean files = event.getDragboard().hasFiles();
            if (files) {
                model.addFiles(event.getDragboard().getFiles().stream().map(File::toPath)
                        .toList());
            }
            event.setDropCompleted(files);
            event.consume();
        });
    }

    private static TableColumn<ModelRow, String> textColumn(String title, String id,
            Function<ModelRow, String> value, double width) {
        TableColumn<ModelRow, String> column = new TableColumn<>(title);
        column.setId(id + "Column");
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(
                cell.getValue())));
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        return column;
    }

    /** A column that sorts by number and shows the number formatted. */
    private static TableColumn<ModelRow, Number> numberColumn(String title, String id,
            ToLongFunction<ModelRow> value, LongFunction<String> format) {
        TableColumn<ModelRow, Number> column = new TableColumn<>(title);
        column.setId(id + "Column");
        column.setPrefWidth(80);
        column.getStyleClass().add("number");
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                value.applyAsLong(cell.getValue())));
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(Number number, boolean empty) {
                super.updateItem(number, empty);
                setText(empty || number == null ? null : format.apply(number.longValue()));
            }
        });
        return column;
    }

    private static TableColumn<ModelRow, ModelRow> fitColumn() {
        TableColumn<ModelRow, ModelRow> column = new TableColumn<>("Fit");
        column.setId("fitColumn");
        column.setPrefWidth(90);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(ModelRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.fitText());
                FitVerdict fit = empty || row == null ? null : row.fit();
                pseudoClassStateChanged(TIGHT, fit == FitVerdict.TIGHT);
                pseudoClassStateChanged(NO_FIT, fit == FitVerdict.DOES_NOT_FIT);
            }
        });
        return column;
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    /** Marks bad files and cached models through pseudo-classes. */
    private static final class PickerRow extends TableRow<ModelRow> {
        @Override
        protected void updateItem(ModelRow row, boolean empty) {
            super.updateItem(row, empty);
            boolean bad = !empty && row != null && !row.entry().readable();
            pseudoClassStateChanged(BAD, bad);
            pseudoClassStateChanged(CACHED, !empty && row != null && row.isCached());
            setId(empty || row == null ? null : "row-" + row.entry().fileName()
                    .replaceAll("[^A-Za-z0-9_-]", "_"));
        }
    }
}
