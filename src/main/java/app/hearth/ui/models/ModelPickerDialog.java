package app.hearth.ui.models;

import app.hearth.ui.window.WindowSizeGuard;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tinylog.Logger;

import java.io.File;
import java.util.List;
import java.util.Locale;

/**
 * The model picker window, opened from the main window's toolbar ("Models…") or by dropping
 * model files on the main window. Not modal: people may keep reading their conversation.
 * Every method runs on the JavaFX thread.
 */
public final class ModelPickerDialog {

    /** The id of the main window's toolbar that gets the Models… button. */
    public static final String TOOLBAR_ID = "chatToolbar";

    private final Window owner;
    private final ModelPickerViewModel model;
    private Stage stage;

    /**
     * @param owner the main window
     * @param model the picker's state
     */
    public ModelPickerDialog(Window owner, ModelPickerViewModel model) {
        this.owner = owner;
        this.model = model;
    }

    /** Shows the picker, or brings it to the front, and lists the models again. */
    public void open() {
        if (stage == null) {
            stage = createStage();
        }
        model.start();
        stage.show();
        stage.toFront();
    }

    /** Hides the picker; it keeps its state for the next {@link #open()}. */
    public void hide() {
        if (stage != null) {
            stage.hide();
        }
    }

    /**
     * Adds a "Models…" button to the toolbar with id {@value #TOOLBAR_ID} under {@code root},
     * if it has one.
     */
    public void addOpenButton(Node root) {
        Node toolbar = root.lookup("#" + TOOLBAR_ID);
        if (!(toolbar instanceof Pane pane)) {
            Logger.warn("No #{} to put the Models… button in", TOOLBAR_ID);
            return;
        }
        Button button = new Button("Models…");
        button.setId("modelsButton");
        button.setOnAction(event -> open());
        button.setMinWidth(Region.USE_PREF_SIZE);
        pane.getChildren().add(button);
    }

    /** Lets people drop model files or folders on the main window to add them here. */
    public void acceptDrops(Scene scene) {
        scene.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                event.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            List<File> files = event.getDragboard().hasFiles()
                    ? event.getDragboard().getFiles() : List.of();
            boolean models = files.stream().anyMatch(file -> file.isDirectory()
                    || file.getName().toLowerCase(Locale.ROOT).endsWith(".gguf"));
            if (models) {
                open();
                model.addFiles(files.stream().map(File::toPath).toList());
            }
            event.setDropCompleted(models);
            event.consume();
        });
    }

    /** Stops watching the folders; for the app's exit. */
    public void close() {
        model.close();
        hide();
    }

    private Stage createStage() {
        Stage created = new Stage();
        created.initOwner(owner);
        created.setTitle("Models");
        Scene scene = new Scene(new ModelPickerView(model, this::hide), 1100, 620);
        if (owner != null && owner.getScene() != null) {
            // The colours of app.css apply here too.
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        created.setScene(scene);
        WindowSizeGuard.install(created);
        return created;
    }
}
