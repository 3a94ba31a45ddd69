package app.hearth.app;

import app.hearth.memory.ByteSize;
import app.hearth.protocol.Sampling;
import app.hearth.ui.FxBatchingExecutor;
import app.hearth.ui.chat.ChatView;
import app.hearth.ui.chat.ChatViewModel;
import app.hearth.ui.memory.MemoryPanelView;
import app.hearth.ui.memory.MemoryPanelViewModel;
import app.hearth.ui.models.ModelPickerDialog;
import app.hearth.ui.models.ModelPickerViewModel;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerService;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.tinylog.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JavaFX application: one main window over one {@link WorkerService}. */
public final class HearthApp extends Application {

    private static AppPaths launchPaths;

    private WorkerService worker;
    private ExecutorService background;
    private ModelPickerDialog picker;

    /** Opens the window and returns when it closes. */
    public static void launchWindow(AppPaths paths) {
        launchPaths = paths;
        Application.launch(HearthApp.class);
    }

    @Override
    public void start(Stage stage) {
        AppPaths paths = launchPaths != null ? launchPaths : AppPaths.forCurrentUser();
        worker = new WorkerService(WorkerLauncher.forThisInstallation(paths.logs()),
                new FxBatchingExecutor());
        background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ui-background");
            thread.setDaemon(true);
            return thread;
        });

        ChatViewModel chat = new ChatViewModel(worker, background, paths.models(),
                Sampling.DEFAULT);
        ChatView view = new ChatView(chat);
        configureMemory(worker);
        BorderPane window = new BorderPane(view);
        window.setRight(new MemoryPanelView(
                new MemoryPanelViewModel(worker, System::currentTimeMillis)));
        Scene scene = new Scene(window, 1240, 680);
        scene.getStylesheets().add(stylesheet("app.css"));
        picker = new ModelPickerDialog(stage, new ModelPickerViewModel(worker, background,
                chat.selectedModelProperty(), paths.models(),
                paths.data().resolve("model-sources.json")));
        picker.addOpenButton(view);
        picker.acceptDrops(scene);
        stage.setTitle("Hearth");
        stage.setScene(scene);
        stage.show();

        chat.refreshModels();
        view.focusInput();
        Logger.info("Window open; models folder {}", paths.models());
    }

    @Override
    public void stop() {
        if (picker != null) {
            picker.close();
        }
        // Runs after the window closed, so waiting here for the worker to exit freezes nothing.
        if (worker != null) {
            worker.close();
        }
        if (background != null) {
            background.shutdownNow();
        }
        Logger.info("Window closed");
    }

    /**
     * Until the settings dialog exists, {@code hearth.memory.budget} (a size such as 4g) and
     * {@code hearth.memory.idleExpirySeconds} (0 = never) set the worker's memory policy.
     */
    private static void configureMemory(WorkerService worker) {
        String budget = System.getProperty("hearth.memory.budget");
        long expirySeconds = Long.getLong("hearth.memory.idleExpirySeconds", -1);
        try {
            long bytes = budget == null ? 0 : ByteSize.parse(budget);
            worker.configure(bytes, expirySeconds < 0 ? -1 : expirySeconds * 1000);
        } catch (IllegalArgumentException e) {
            Logger.warn("Ignored hearth.memory.budget: {}", e.getMessage());
        }
    }

    static String stylesheet(String name) {
        return HearthApp.class.getResource("/app/hearth/ui/" + name).toExternalForm();
    }
}
