package app.hearth.app;

import app.hearth.chat.ConversationStore;
import app.hearth.memory.ByteSize;
import app.hearth.memory.MemoryBudget;
import app.hearth.memory.ProcessMemory;
import app.hearth.protocol.Sampling;
import app.hearth.ui.FxBatchingExecutor;
import app.hearth.ui.chat.ChatView;
import app.hearth.ui.chat.ChatViewModel;
import app.hearth.ui.memory.MemoryPanelView;
import app.hearth.ui.memory.MemoryPanelViewModel;
import app.hearth.ui.quarantine.QuarantineBanner;
import app.hearth.ui.quarantine.QuarantineViewModel;
import app.hearth.ui.settings.AppSettings;
import app.hearth.ui.settings.SettingsController;
import app.hearth.ui.settings.SettingsStore;
import app.hearth.ui.settings.Theme;
import app.hearth.ui.settings.ThemeWatcher;
import app.hearth.ui.window.WindowPlacement;
import app.hearth.ui.window.WindowPlacementStore;
import app.hearth.ui.window.WindowPlacer;
import app.hearth.ui.models.ModelPickerDialog;
import app.hearth.ui.models.ModelPickerViewModel;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerService;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.tinylog.Logger;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The JavaFX application: one main window over one {@link WorkerService}. */
public final class HearthApp extends Application {

    /** The main window's size on a first start. */
    private static final Rectangle2D FIRST_SIZE = new Rectangle2D(0, 0, 1240, 680);

    private static AppPaths launchPaths;

    private WorkerService worker;
    private ExecutorService background;
    private ChatViewModel chat;
    private AppPaths paths;
    private AppSettings initialSettings = AppSettings.DEFAULT;
    private boolean systemDark;
    private ThemeWatcher themes;
    private ModelPickerDialog picker;
    private Optional<WindowPlacement> savedPlacement = Optional.empty();
    private WindowPlacer placer;
    private long automaticBudgetBytes;

    /** Opens the window and returns when it closes. */
    public static void launchWindow(AppPaths paths) {
        launchPaths = paths;
        Application.launch(HearthApp.class);
    }

    @Override
    public void init() {
        // Runs before start() and off the FX thread, so reading the settings freezes nothing.
        paths = launchPaths != null ? launchPaths : AppPaths.forCurrentUser();
        initialSettings = settingsStore().load();
        savedPlacement = placementStore().load();
        automaticBudgetBytes = MemoryBudget.defaultFor(
                new ProcessMemory().read().systemTotalBytes());
        // Asked here too, so a dark desktop never sees the window open light first.
        systemDark = initialSettings.theme() == Theme.SYSTEM && ThemeWatcher.askSystem();
    }

    @Override
    public void start(Stage stage) {
        worker = new WorkerService(WorkerLauncher.forThisInstallation(paths.logs()),
                new FxBatchingExecutor());
        background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ui-background");
            thread.setDaemon(true);
            return thread;
        });

        chat = new ChatViewModel(worker, background, paths.models(), Sampling.DEFAULT,
                new ConversationStore(paths.data().resolve("conversations")));
        ChatView view = new ChatView(chat);
        BorderPane window = new BorderPane(view);
        window.setTop(new QuarantineBanner(new QuarantineViewModel(worker)));
        window.setRight(new MemoryPanelView(
                new MemoryPanelViewModel(worker, System::currentTimeMillis)));
        Scene scene = new Scene(window, FIRST_SIZE.getWidth(), FIRST_SIZE.getHeight());
        scene.getStylesheets().add(stylesheet("app.css"));
        themes = new ThemeWatcher(scene, systemDark);
        SettingsController settings = new SettingsController(settingsStore(), background,
                initialSettings, this::apply, chat::notify, automaticBudgetBytes);
        view.setOnOpenSettings(() -> settings.open(stage));
        apply(initialSettings);
        configureMemory(worker);
        picker = new ModelPickerDialog(stage, new ModelPickerViewModel(worker, background,
                chat.selectedModelProperty(), paths.models(),
                paths.data().resolve("model-sources.json")));
        picker.addOpenButton(view);
        picker.acceptDrops(scene);
        chat.setModelPicker(picker::open);
        stage.setTitle("Hearth");
        stage.setScene(scene);
        placer = new WindowPlacer(stage, FIRST_SIZE);
        placer.place(savedPlacement);
        stage.show();

        chat.conversations().load();
        view.focusInput();
        Logger.info("Window open; models folder {}", paths.models());
    }

    @Override
    public void stop() {
        if (picker != null) {
            picker.close();
        }
        if (themes != null) {
            themes.close();
        }
        // Runs after the window closed, so waiting here for the worker to exit freezes nothing.
        if (chat != null) {
            chat.saveBeforeExit();
        }
        if (worker != null) {
            worker.close();
        }
        if (background != null) {
            if (placer != null) {
                WindowPlacement placement = placer.current();
                background.execute(() -> placementStore().save(placement));
            }
            finishDiskWork();
        }
        Logger.info("Window closed");
    }

    private void apply(AppSettings settings) {
        themes.use(settings.theme());
        worker.configure(settings.memoryBudgetBytes(),
                settings.idleExpiryMinutes() * 60_000L);
        chat.setModelOptions(settings.defaultContextSize(), settings.threads());
        chat.setExtraModelFolders(ModelFiles.folders(settings.modelsFolders()));
        chat.refreshModels();
    }

    private WindowPlacementStore placementStore() {
        return new WindowPlacementStore(paths.data().resolve("window.json"));
    }

    private SettingsStore settingsStore() {
        return new SettingsStore(paths.data().resolve("settings.json"));
    }

    private void finishDiskWork() {
        // Saves may still be queued; dropping them would lose the last reply.
        background.shutdown();
        try {
            if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
                Logger.warn("Disk work still running 5 s after the window closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        background.shutdownNow();
    }

    /**
     * {@code hearth.memory.budget} (a size such as 4g) and {@code
     * hearth.memory.idleExpirySeconds} (0 = never), when given, override the saved settings'
     * memory policy for this run.
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
