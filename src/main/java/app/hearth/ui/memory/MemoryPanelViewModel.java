package app.hearth.ui.memory;

import app.hearth.memory.ByteSize;
import app.hearth.memory.PressurePolicy;
import app.hearth.protocol.CachedModel;
import app.hearth.protocol.MemoryEvent;
import app.hearth.workerclient.WorkerListener;
import app.hearth.workerclient.WorkerService;
import app.hearth.workerclient.WorkerState;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The memory panel's state and commands: the worker's cached models, its memory against the
 * budget, the system's available memory and the pressure level. All methods run on the
 * JavaFX thread; the worker's news arrives there through the executor the
 * {@link WorkerService} was built with. Commands return at once.
 */
public final class MemoryPanelViewModel {

    /** What the panel shows. */
    public enum State { NO_WORKER, READY, RECLAIMING }

    private final WorkerService worker;
    private final LongSupplier clock;
    private final ObservableList<ModelRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state =
            new ReadOnlyObjectWrapper<>(this, "state", State.NO_WORKER);
    private final ReadOnlyObjectWrapper<PressurePolicy.Level> pressure =
            new ReadOnlyObjectWrapper<>(this, "pressure", PressurePolicy.Level.NORMAL);
    private final ReadOnlyDoubleWrapper budgetShare = new ReadOnlyDoubleWrapper(this, "share");
    private final ReadOnlyDoubleWrapper systemShare = new ReadOnlyDoubleWrapper(this, "system");
    private final ReadOnlyStringWrapper workerText = new ReadOnlyStringWrapper(this, "worker",
            "No model worker yet");
    private final ReadOnlyStringWrapper systemText = new ReadOnlyStringWrapper(this, "system",
            "");
    private final ReadOnlyLongWrapper now = new ReadOnlyLongWrapper(this, "now");

    /**
     * @param worker runs the models; its callbacks must arrive on the JavaFX thread
     * @param clock  milliseconds, the same clock as the worker's idle times
     */
    public MemoryPanelViewModel(WorkerService worker, LongSupplier clock) {
        this.worker = worker;
        this.clock = clock;
        now.set(clock.getAsLong());
        worker.addListener(new WorkerNews());
    }

    /** Drops a model from the worker's cache. */
    public void unload(ModelRow row) {
        checkThread();
        worker.unload(row.model());
    }

    /** Pins an unpinned model, unpins a pinned one. */
    public void togglePin(ModelRow row) {
        checkThread();
        worker.pin(row.model(), !row.pinned());
    }

    /** The cached models, least recently used first. */
    public ObservableList<ModelRow> getRows() {
        return rows;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PressurePolicy.Level> pressureProperty() {
        return pressure.getReadOnlyProperty();
    }

    /** The worker's resident memory as a share of the budget, 0 to 1. */
    public ReadOnlyDoubleProperty budgetShareProperty() {
        return budgetShare.getReadOnlyProperty();
    }

    /** The system's memory in use as a share of physical memory, 0 to 1. */
    public ReadOnlyDoubleProperty systemShareProperty() {
        return systemShare.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workerTextProperty() {
        return workerText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty systemTextProperty() {
        return systemText.getReadOnlyProperty();
    }

    /** The clock as of the last gauge update, so idle times advance with it. */
    public ReadOnlyLongProperty nowProperty() {
        return now.getReadOnlyProperty();
    }

    private void showModels(List<CachedModel> models) {
        long at = clock.getAsLong();
        now.set(at);
        rows.setAll(models.stream()
                .map(model -> new ModelRow(model.model(), model.state(), model.pinned(),
                        at - model.idleMs(), model.estimatedBytes(), model.measuredBytes()))
                .toList());
    }

    private void showMemory(MemoryEvent memory) {
        now.set(clock.getAsLong());
        pressure.set(PressurePolicy.Level.ofWire(memory.pressure()));
        budgetShare.set(share(memory.residentBytes(), memory.budgetBytes()));
        workerText.set("Worker " + ByteSize.format(memory.residentBytes()) + " of "
                + ByteSize.format(memory.budgetBytes()) + " budget · " + memory.pressure());
        long total = memory.systemTotalBytes();
        long available = memory.systemAvailableBytes();
        systemShare.set(total > 0 && available >= 0 ? share(total - available, total) : 0);
        systemText.set("System " + ByteSize.format(available) + " available of "
                + ByteSize.format(total));
    }

    private void showState(WorkerState workerState) {
        state.set(switch (workerState) {
            case RECLAIMING -> State.RECLAIMING;
            case READY, STARTING -> State.READY;
            case STOPPED, FAILED -> State.NO_WORKER;
        });
        if (state.get() == State.NO_WORKER) {
            rows.clear();
            workerText.set("No model worker running");
        }
    }

    private static double share(long part, long whole) {
        return whole <= 0 || part < 0 ? 0 : Math.min(1, (double) part / whole);
    }

    private static void checkThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("Memory panel commands run on the JavaFX thread");
        }
    }

    /** Forwards the worker's news; called on the JavaFX thread. */
    private final class WorkerNews implements WorkerListener {

        @Override
        public void onModels(List<CachedModel> models) {
            showModels(models);
        }

        @Override
        public void onMemory(MemoryEvent memory) {
            showMemory(memory);
        }

        @Override
        public void onStateChanged(WorkerState workerState, String message) {
            showState(workerState);
        }
    }
}
