package app.hearth.ui.chat;

import app.hearth.chat.ModelFacts;
import app.hearth.chat.ModelProbe;
import javafx.application.Platform;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Reads each model's facts once, off the JavaFX thread, and hands them to callers on it.
 * FX thread only.
 */
final class ModelFactsCache {

    private final Executor disk;
    private final Map<Path, ModelFacts> known = new HashMap<>();
    private final Map<Path, List<Consumer<ModelFacts>>> waiting = new HashMap<>();

    ModelFactsCache(Executor disk) {
        this.disk = disk;
    }

    /** Calls {@code then} on the FX thread with the model's facts, at once if known. */
    void get(Path model, Consumer<ModelFacts> then) {
        ModelFacts facts = known.get(model);
        if (facts != null) {
            then.accept(facts);
            return;
        }
        boolean reading = waiting.containsKey(model);
        waiting.computeIfAbsent(model, key -> new ArrayList<>()).add(then);
        if (!reading) {
            disk.execute(() -> {
                ModelFacts read = read(model);
                Platform.runLater(() -> arrived(model, read));
            });
        }
    }

    private void arrived(Path model, ModelFacts facts) {
        known.put(model, facts);
        List<Consumer<ModelFacts>> callers = waiting.remove(model);
        if (callers != null) {
            callers.forEach(caller -> caller.accept(facts));
        }
    }

    private static ModelFacts read(Path model) {
        try {
            return ModelProbe.read(model);
        } catch (IOException | RuntimeException e) {
            // The worker reports an unreadable model properly when it tries to load it.
            Logger.warn(e, "Could not read the metadata of {}", model);
            return ModelFacts.UNKNOWN;
        }
    }
}
