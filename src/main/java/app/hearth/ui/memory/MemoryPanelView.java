package app.hearth.ui.memory;

import app.hearth.memory.PressurePolicy;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The memory panel: a gauge of the worker's memory against the budget and one of the
 * system's, coloured by pressure, above the cached models with Pin and Unload. Builds its
 * nodes in code and forwards every intent to the {@link MemoryPanelViewModel}.
 */
public final class MemoryPanelView extends VBox {

    private static final PseudoClass ELEVATED = PseudoClass.getPseudoClass("elevated");
    private static final PseudoClass CRITICAL = PseudoClass.getPseudoClass("critical");
    private static final PseudoClass RECLAIMING = PseudoClass.getPseudoClass("reclaiming");
    private static final PseudoClass PINNED = PseudoClass.getPseudoClass("pinned");
    private static final PseudoClass GENERATING = PseudoClass.getPseudoClass("generating");
    private static final PseudoClass LOADING = PseudoClass.getPseudoClass("loading");

    private final MemoryPanelViewModel model;
    private final VBox rows = new VBox(6);

    public MemoryPanelView(MemoryPanelViewModel model) {
        this.model = model;
        setId("memoryPanel");
        getStyleClass().add("memory-panel");
        getStylesheets().add(MemoryPanelView.class.getResource("memory.css").toExternalForm());
        setSpacing(8);
        setPadding(new Insets(12));
        setPrefWidth(300);
        getChildren().addAll(createGauges(), createModelList());
        bindPressure();
        bindRows();
    }

    private VBox createGauges() {
        Label title = new Label("Memory");
        title.getStyleClass().add("title");

        ProgressBar worker = gauge("memoryGauge", model.budgetShareProperty());
        Label workerText = label("memoryText", "gauge-text");
        workerText.textProperty().bind(model.workerTextProperty());
        ProgressBar system = gauge("systemGauge", model.systemShareProperty());
        Label systemText = label("systemText", "gauge-text");
        systemText.textProperty().bind(model.systemTextProperty());

        Label reclaiming = label("reclaimingText", "reclaiming");
        reclaiming.setText("Giving memory back…");
        reclaiming.visibleProperty().bind(
                model.stateProperty().isEqualTo(MemoryPanelViewModel.State.RECLAIMING));
        reclaiming.managedProperty().bind(reclaiming.visibleProperty());
        return new VBox(4, title, worker, workerText, system, systemText, reclaiming);
    }

    private ScrollPane createModelList() {
        Label empty = label("noModels", "empty");
        empty.setText("No model loaded");
        empty.visibleProperty().bind(Bindings.isEmpty(model.getRows()));
        empty.managedProperty().bind(empty.visibleProperty());
        rows.setId("modelRows");
        VBox content = new VBox(6, empty, rows);
        ScrollPane scroller = new ScrollPane(content);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroller, Priority.ALWAYS);
        return scroller;
    }

    private void bindPressure() {
        model.pressureProperty().addListener((obs, old, level) -> showPressure(level));
        model.stateProperty().addListener((obs, old, state) -> pseudoClassStateChanged(
                RECLAIMING, state == MemoryPanelViewModel.State.RECLAIMING));
        showPressure(model.pressureProperty().get());
    }

    private void showPressure(PressurePolicy.Level level) {
        pseudoClassStateChanged(ELEVATED, level == PressurePolicy.Level.ELEVATED);
        pseudoClassStateChanged(CRITICAL, level == PressurePolicy.Level.CRITICAL);
    }

    private void bindRows() {
        model.getRows().addListener((ListChangeListener<ModelRow>) change ->
                rows.getChildren().setAll(model.getRows().stream().map(this::row).toList()));
    }

    private VBox row(ModelRow row) {
        Label name = new Label(row.name());
        name.getStyleClass().add("model-name");
        Label state = new Label();
        state.getStyleClass().add("model-state");
        state.textProperty().bind(Bindings.createStringBinding(
                () -> row.stateText(model.nowProperty().get()), model.nowProperty()));
        Label memory = new Label(row.memoryText());
        memory.getStyleClass().add("model-memory");

        Button pin = new Button(row.pinned() ? "Unpin" : "Pin");
        pin.getStyleClass().add("pin");
        pin.setDisable(row.loading());
        pin.setOnAction(event -> model.togglePin(row));
        Button unload = new Button("Unload");
        unload.getStyleClass().add("unload");
        unload.setDisable(row.loading());
        unload.setOnAction(event -> model.unload(row));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        pin.setMinWidth(Region.USE_PREF_SIZE);
        unload.setMinWidth(Region.USE_PREF_SIZE);
        // The row is rebuilt after a click; focus must not jump to another panel.
        pin.setFocusTraversable(false);
        unload.setFocusTraversable(false);
        state.setMinWidth(0);
        HBox actions = new HBox(6, state, spacer, pin, unload);

        VBox box = new VBox(2, name, memory, actions);
        box.setId("model-" + row.name().replaceAll("[^A-Za-z0-9_-]", "_"));
        box.getStyleClass().add("model-row");
        box.pseudoClassStateChanged(PINNED, row.pinned());
        box.pseudoClassStateChanged(GENERATING, row.generating());
        box.pseudoClassStateChanged(LOADING, row.loading());
        return box;
    }

    private static ProgressBar gauge(String id,
            javafx.beans.value.ObservableValue<? extends Number> share) {
        ProgressBar bar = new ProgressBar();
        bar.setId(id);
        bar.getStyleClass().add("gauge");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(share);
        return bar;
    }

    private static Label label(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        return label;
    }
}
