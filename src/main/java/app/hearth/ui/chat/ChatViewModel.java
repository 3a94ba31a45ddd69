package app.hearth.ui.chat;

import app.hearth.app.ModelFiles;
import app.hearth.protocol.CachedModel;
import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import app.hearth.workerclient.GenerationHandle;
import app.hearth.workerclient.GenerationListener;
import app.hearth.workerclient.WorkerError;
import app.hearth.workerclient.WorkerListener;
import app.hearth.workerclient.WorkerService;
import app.hearth.workerclient.WorkerState;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The chat window's state and commands. All methods run on the JavaFX thread; the worker's
 * events arrive there through the executor the {@link WorkerService} was built with, and disk
 * reads run on the {@code background} executor.
 */
public final class ChatViewModel {

    /** What the window is doing. */
    public enum State { IDLE, NO_MODEL, LOADING_MODEL, GENERATING, ERROR, WORKER_DOWN }

    private final WorkerService worker;
    private final Executor background;
    private final Path modelsFolder;
    private final Sampling sampling;
    private final ObservableList<ChatMessage> messages = FXCollections.observableArrayList();
    private final ObservableList<Path> models = FXCollections.observableArrayList();
    private final ObjectProperty<Path> selectedModel = new SimpleObjectProperty<>(this, "model");
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final ReadOnlyObjectWrapper<State> state =
            new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final Set<String> cachedModels = new HashSet<>();

    private GenerationHandle current;
    private ChatMessage streaming;

    /**
     * @param worker       runs the models; its callbacks must arrive on the JavaFX thread
     * @param background   runs disk reads
     * @param modelsFolder where the models are
     * @param sampling     sampling settings of new replies
     */
    public ChatViewModel(WorkerService worker, Executor background, Path modelsFolder,
            Sampling sampling) {
        this.worker = worker;
        this.background = background;
        this.modelsFolder = modelsFolder;
        this.sampling = sampling;
        worker.addListener(new WorkerNews());
    }

    /** Scans the models folder off the JavaFX thread and updates the model list. */
    public void refreshModels() {
        background.execute(() -> {
            List<Path> found = ModelFiles.list(modelsFolder);
            Platform.runLater(() -> showModels(found));
        });
    }

    /** Sends the input as a user message and streams the model's reply. */
    public void send() {
        String text = input.get().strip();
        if (text.isEmpty() || isBusy()) {
            return;
        }
        Path model = selectedModel.get();
        if (model == null) {
            status.set("Add a model first: put a .gguf file in " + modelsFolder);
            return;
        }

        String prompt = ContinuationPrompt.of(messages, text);
        messages.add(new ChatMessage(ChatMessage.Role.USER, null, text,
                ChatMessage.Status.COMPLETE));
        streaming = new ChatMessage(ChatMessage.Role.ASSISTANT, fileName(model), "",
                ChatMessage.Status.STREAMING);
        messages.add(streaming);
        input.set("");

        boolean cached = cachedModels.contains(model.toString());
        state.set(cached ? State.GENERATING : State.LOADING_MODEL);
        status.set(cached ? "Thinking…" : "Loading " + fileName(model) + "…");
        current = worker.generate(model.toString(), prompt, sampling, ModelOptions.DEFAULT,
                List.of(), new ReplyListener(streaming));
    }

    /** Stops the reply at once; the text received so far stays. */
    public void stop() {
        if (current == null) {
            return;
        }
        current.cancel();
        end(streaming, ChatMessage.Status.STOPPED, "Stopped");
        status.set("Stopped.");
    }

    public ObservableList<ChatMessage> getMessages() {
        return messages;
    }

    public ObservableList<Path> getModels() {
        return models;
    }

    public ObjectProperty<Path> selectedModelProperty() {
        return selectedModel;
    }

    public StringProperty inputProperty() {
        return input;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    /** One line about what just happened, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Path getModelsFolder() {
        return modelsFolder;
    }

    /** Whether a reply is on its way. */
    public boolean isBusy() {
        return state.get() == State.GENERATING || state.get() == State.LOADING_MODEL;
    }

    private void showModels(List<Path> found) {
        Path previous = selectedModel.get();
        models.setAll(found);
        if (previous == null || !found.contains(previous)) {
            selectedModel.set(ModelFiles.preferred(found));
        }
        if (found.isEmpty()) {
            state.set(State.NO_MODEL);
        } else if (state.get() == State.NO_MODEL) {
            state.set(State.IDLE);
        }
    }

    private void end(ChatMessage message, ChatMessage.Status how, String details) {
        if (message == null || message != streaming) {
            return;
        }
        message.finish(how, details);
        streaming = null;
        current = null;
        state.set(how == ChatMessage.Status.COMPLETE || how == ChatMessage.Status.STOPPED
                ? State.IDLE : State.ERROR);
    }

    private static String fileName(Path model) {
        return model.getFileName().toString();
    }

    private static String describe(DoneEvent done) {
        return String.format(Locale.ROOT, "%d tokens · %.1f tokens/s · first token after %.0f ms",
                done.generatedTokens(), done.tokensPerSecond(), done.timeToFirstTokenMs());
    }

    /** Streams one reply into its message; ignores events once the message has ended. */
    private final class ReplyListener implements GenerationListener {

        private final ChatMessage message;

        ReplyListener(ChatMessage message) {
            this.message = message;
        }

        @Override
        public void onLoaded(long loadMs) {
            if (message == streaming) {
                state.set(State.GENERATING);
                status.set("Loaded " + message.getModel() + " in " + loadMs + " ms");
            }
        }

        @Override
        public void onToken(String text) {
            if (message != streaming) {
                return;
            }
            if (state.get() == State.LOADING_MODEL) {
                state.set(State.GENERATING);
            }
            message.append(text);
        }

        @Override
        public void onDone(DoneEvent done) {
            if (message != streaming) {
                return;
            }
            String details = describe(done);
            end(message, ChatMessage.Status.COMPLETE, details);
            status.set(details);
        }

        @Override
        public void onError(WorkerError error) {
            if (message != streaming) {
                return;
            }
            boolean crashed = error.code().startsWith("worker_");
            end(message, crashed ? ChatMessage.Status.INTERRUPTED : ChatMessage.Status.FAILED,
                    error.message());
            status.set(error.message());
        }
    }

    /** Keeps the cached-model set and the worker's health in view. */
    private final class WorkerNews implements WorkerListener {

        @Override
        public void onModels(List<CachedModel> cached) {
            cachedModels.clear();
            cached.forEach(model -> cachedModels.add(model.model()));
        }

        @Override
        public void onStateChanged(WorkerState workerState, String message) {
            if (workerState == WorkerState.FAILED && message != null && !isBusy()) {
                status.set(message);
            }
        }
    }
}
