package app.hearth.ui.quarantine;

import app.hearth.workerclient.WorkerListener;
import app.hearth.workerclient.WorkerService;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;

/**
 * Tells people which model Hearth stopped loading because it crashed the engine twice in a
 * row, and lets them try it again on purpose. FX thread only; the worker's news arrives there
 * through the executor the {@link WorkerService} was built with.
 */
public final class QuarantineViewModel {

    private final WorkerService worker;
    private final ReadOnlyStringWrapper model = new ReadOnlyStringWrapper(this, "model");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");

    public QuarantineViewModel(WorkerService worker) {
        this.worker = worker;
        worker.addListener(new WorkerListener() {
            @Override
            public void onQuarantined(String quarantined, String cause) {
                show(quarantined, cause);
            }
        });
    }

    /** Lifts the quarantine; the model loads again on the next message that names it. */
    public void retry() {
        String quarantined = model.get();
        if (quarantined == null) {
            return;
        }
        worker.clearQuarantine(quarantined);
        model.set(null);
        message.set(null);
    }

    /** Hides the notice and keeps the quarantine. */
    public void dismiss() {
        model.set(null);
        message.set(null);
    }

    /** The quarantined model's path, or null when there is nothing to tell. */
    public ReadOnlyStringProperty modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** The sentence to show, or null. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private void show(String quarantined, String cause) {
        model.set(quarantined);
        message.set(Path.of(quarantined).getFileName() + " stopped the engine twice in a row ("
                + cause + "), so Hearth no longer loads it by itself.");
    }
}
