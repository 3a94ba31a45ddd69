package app.hearth.ui.settings;

import app.hearth.ui.window.WindowSizeGuard;
import javafx.application.Platform;
import javafx.stage.Window;
import org.tinylog.Logger;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Opens the Settings dialog, applies what it returns at once and saves it off the JavaFX
 * thread. FX thread only.
 */
public final class SettingsController {

    private final SettingsStore store;
    private final Executor disk;
    private final Consumer<AppSettings> apply;
    private final Consumer<String> notifier;
    private final long automaticBudgetBytes;
    private AppSettings current;

    /**
     * @param store    where the settings are saved
     * @param disk     runs the saves
     * @param initial  the settings in force, as loaded
     * @param apply    puts settings into effect; called on the FX thread
     * @param notifier shows one sentence to people
     * @param automaticBudgetBytes the memory budget that applies when none is set
     */
    public SettingsController(SettingsStore store, Executor disk, AppSettings initial,
            Consumer<AppSettings> apply, Consumer<String> notifier, long automaticBudgetBytes) {
        this.store = store;
        this.disk = disk;
        this.current = initial;
        this.automaticBudgetBytes = automaticBudgetBytes;
        this.apply = apply;
        this.notifier = notifier;
    }

    /** The settings in force. */
    public AppSettings current() {
        return current;
    }

    /** Shows the dialog over {@code owner}; OK applies and saves the new settings. */
    public void open(Window owner) {
        SettingsDialog dialog = new SettingsDialog(current, automaticBudgetBytes);
        dialog.initOwner(owner);
        WindowSizeGuard.install(dialog.getDialogPane().getScene().getWindow());
        dialog.showAndWait().ifPresent(this::change);
    }

    /** Applies and saves new settings. */
    public void change(AppSettings settings) {
        current = settings;
        apply.accept(settings);
        disk.execute(() -> {
            try {
                store.save(settings);
            } catch (IOException e) {
                Logger.error(e, "Could not save the settings");
                Platform.runLater(() -> notifier.accept("The settings apply now but could not "
                        + "be saved: " + e.getMessage()));
            }
        });
    }
}
