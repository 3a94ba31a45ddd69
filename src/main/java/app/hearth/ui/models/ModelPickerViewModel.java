package app.hearth.ui.models;

import app.hearth.memory.ProcessMemory;
import app.hearth.models.ModelCatalog;
import app.hearth.models.ModelEntry;
import app.hearth.protocol.CachedModel;
import app.hearth.protocol.MemoryEvent;
import app.hearth.protocol.ModelOptions;
import app.hearth.workerclient.WorkerListener;
import app.hearth.workerclient.WorkerService;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The model picker's state and commands: the models of the folders and files the person
 * added, what each would take and whether it fits, which cached models a load would push out,
 * and the model the current conversation uses. All methods run on the JavaFX thread; headers
 * are read and the sources saved on the {@code background} executor, the worker's news
 * arrives through the executor the {@link WorkerService} was built with (the FX thread), and
 * the folders are watched on their own daemon thread.
 */
public final class ModelPickerViewModel {

    /** What the picker is doing. */
    public enum State { IDLE, SCANNING, LOADING_MODEL }

    /** What one scan found, with the system's memory as a fallback until a worker reports. */
    private record Scan(List<ModelEntry> entries, ProcessMemory.Reading system) {
    }

    private final WorkerService worker;
    private final Executor background;
    private final ObjectProperty<Path> currentModel;
    private final Path defaultFolder;
    private final ModelSources sources;
    private final FolderWatcher watcher = new FolderWatcher(
            () -> Platform.runLater(this::refresh));
    private final ObservableList<ModelRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Path> folders = FXCollections.observableArrayList();
    private final List<Path> files = new ArrayList<>();
    private final ObjectProperty<ModelRow> selected = new SimpleObjectProperty<>(this, "row");
    private final ReadOnlyObjectWrapper<State> state =
            new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyStringWrapper template = new ReadOnlyStringWrapper(this, "template",
            "");
    private final ReadOnlyStringWrapper pushOut = new ReadOnlyStringWrapper(this, "pushOut", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");

    private List<ModelEntry> entries = List.of();
    private MemoryFacts facts = MemoryFacts.NONE;
    private boolean started;
    private boolean scanning;
    private boolean rescanWanted;

    /**
     * @param worker        runs the models; its callbacks must arrive on the JavaFX thread
     * @param background    reads headers and writes the sources file
     * @param currentModel  the current conversation's model; choosing a model sets it
     * @param defaultFolder the app's models folder, always listed
     * @param sourcesFile   where the added folders and files are remembered
     */
    public ModelPickerViewModel(WorkerService worker, Executor background,
            ObjectProperty<Path> currentModel, Path defaultFolder, Path sourcesFile) {
        this.worker = worker;
        this.background = background;
        this.currentModel = currentModel;
        this.defaultFolder = defaultFolder.toAbsolutePath().normalize();
        this.sources = new ModelSources(sourcesFile);
        folders.add(this.defaultFolder);
        selected.addListener((obs, old, row) -> showDetails());
        worker.addListener(new WorkerNews());
    }

    /** Reads the remembered sources and lists the models; later calls just refresh. */
    public void start() {
        checkThread();
        if (started) {
            refresh();
            return;
        }
        started = true;
        state.set(State.SCANNING);
        background.execute(() -> {
            ModelSources.Saved saved = sources.load();
            Platform.runLater(() -> {
                saved.folderPaths().stream().filter(path -> !folders.contains(path))
                        .forEach(folders::add);
                saved.filePaths().stream().filter(path -> !files.contains(path))
                        .forEach(files::add);
                refresh();
            });
        });
    }

    /** Reads every header again off the FX thread; a refresh asked for meanwhile follows. */
    public void refresh() {
        checkThread();
        if (scanning) {
            rescanWanted = true;
            return;
        }
        scanning = true;
        if (state.get() != State.LOADING_MODEL) {
            state.set(State.SCANNING);
        }
        watcher.watch(watchedFolders());
        Task<Scan> scan = scanTask(List.copyOf(folders), List.copyOf(files));
        scan.setOnSucceeded(event -> scanned(scan.getValue()));
        scan.setOnFailed(event -> {
            Logger.error(scan.getException(), "Could not list the models");
            status.set("Could not list the models: " + scan.getException().getMessage());
            scanned(new Scan(entries, facts.system()));
        });
        background.execute(scan);
    }

    /** Adds a folder whose models are listed from now on, and remembers it. */
    public void addFolder(Path folder) {
        checkThread();
        Path path = folder.toAbsolutePath().normalize();
        if (!folders.contains(path)) {
            folders.add(path);
            save();
        }
        refresh();
    }

    /**
     * Adds files the person chose or dropped: folders become model folders, anything else a
     * single model file, listed even when it is no model (with the reason).
     */
    public void addFiles(List<Path> chosen) {
        checkThread();
        boolean changed = false;
        for (Path file : chosen) {
            Path path = file.toAbsolutePath().normalize();
            if (Files.isDirectory(path) && !folders.contains(path)) {
                folders.add(path);
                changed = true;
            } else if (!Files.isDirectory(path) && !files.contains(path)
                    && !folders.contains(path.getParent())) {
                files.add(path);
                changed = true;
            }
        }
        if (changed) {
            save();
        }
        refresh();
    }

    /** Makes the selected model the current conversation's model. */
    public void choose() {
        checkThread();
        ModelRow row = selected.get();
        if (row == null || !row.entry().readable()) {
            return;
        }
        currentModel.set(row.file());
        status.set("This conversation now uses " + row.entry().fileName() + ".");
    }

    /** Loads the selected model into the worker now, so the first reply starts at once. */
    public void loadNow() {
        checkThread();
        ModelRow row = selected.get();
        if (row == null || !row.entry().readable() || state.get() == State.LOADING_MODEL) {
            return;
        }
        String name = row.entry().fileName();
        state.set(State.LOADING_MODEL);
        progress.set(-1);
        status.set("Loading " + name + "…");
        worker.load(row.file().toString(), ModelOptions.DEFAULT, false)
                .whenComplete((ms, error) -> onFx(() -> loaded(name, ms, error)));
    }

    /** Stops watching the folders. */
    public void close() {
        watcher.close();
    }

    /** The listed models: good ones and bad ones, by file name. */
    public ObservableList<ModelRow> getRows() {
        return rows;
    }

    /** The folders listed: the models folder first, then the added ones. */
    public ObservableList<Path> getFolders() {
        return FXCollections.unmodifiableObservableList(folders);
    }

    /** The row the details are about; the view writes it. */
    public ObjectProperty<ModelRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** One sentence about what just happened. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The selected model's facts, several lines. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The selected model's chat template, or a sentence saying it has none. */
    public ReadOnlyStringProperty templateProperty() {
        return template.getReadOnlyProperty();
    }

    /** Which cached models loading the selected one would push out. */
    public ReadOnlyStringProperty pushOutProperty() {
        return pushOut.getReadOnlyProperty();
    }

    /** Progress of "Load now": 0 before, -1 while loading (the engine tells no more), 1 done. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    private static Task<Scan> scanTask(List<Path> folders, List<Path> files) {
        return new Task<>() {
            @Override
            protected Scan call() {
                return new Scan(ModelCatalog.scan(folders, files), new ProcessMemory().read());
            }
        };
    }

    private void scanned(Scan scan) {
        scanning = false;
        entries = scan.entries();
        facts = facts.withSystem(scan.system());
        if (state.get() == State.SCANNING) {
            state.set(State.IDLE);
        }
        showRows();
        if (rescanWanted) {
            rescanWanted = false;
            refresh();
        }
    }

    private void loaded(String name, Long ms, Throwable error) {
        state.set(State.IDLE);
        if (error != null) {
            progress.set(0);
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            status.set("Could not load " + name + ": " + cause.getMessage());
            return;
        }
        progress.set(1);
        status.set(ms == null || ms == 0 ? name + " was already loaded."
                : "Loaded " + name + " in " + ms + " ms.");
    }

    private void showRows() {
        Path wanted = selected.get() == null ? null : selected.get().file();
        rows.setAll(entries.stream().map(facts::rowOf).toList());
        selected.set(rows.stream().filter(row -> row.file().equals(wanted)).findFirst()
                .orElse(null));
        showDetails();
    }

    private void showDetails() {
        ModelRow row = selected.get();
        if (row == null) {
            details.set("");
            template.set("");
            pushOut.set("");
            return;
        }
        details.set(ModelDetails.describe(row, facts.budgetBytes(), facts.availableBytes()));
        template.set(ModelDetails.template(row.entry()));
        pushOut.set(LoadImpact.describe(row.entry(), facts.cached(), facts.budgetBytes()));
    }

    private List<Path> watchedFolders() {
        List<Path> watched = new ArrayList<>(folders);
        files.stream().map(Path::getParent).filter(parent -> parent != null)
                .forEach(watched::add);
        return watched;
    }

    private void save() {
        List<Path> extraFolders = folders.stream().filter(path -> !path.equals(defaultFolder))
                .toList();
        List<Path> singleFiles = List.copyOf(files);
        background.execute(() -> {
            try {
                sources.save(extraFolders, singleFiles);
            } catch (IOException e) {
                Logger.warn(e, "Could not remember the model folders");
                Platform.runLater(() -> status.set("Could not remember the added folders: "
                        + e.getMessage()));
            }
        });
    }

    private static void onFx(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }

    private static void checkThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("Model picker commands run on the JavaFX thread");
        }
    }

    /** Keeps the cache and the memory gauges in view; called on the JavaFX thread. */
    private final class WorkerNews implements WorkerListener {

        @Override
        public void onModels(List<CachedModel> models) {
            facts = facts.withCached(models);
            showRows();
        }

        @Override
        public void onMemory(MemoryEvent event) {
            MemoryFacts before = facts;
            facts = facts.withMemory(event);
            // Gauges arrive every second; rebuild the rows only when a verdict may change.
            if (facts.movedFrom(before)) {
                showRows();
            }
        }
    }
}
