package app.hearth.ui.chat;

import app.hearth.app.ModelFiles;
import app.hearth.chat.Conversation;
import app.hearth.chat.ConversationExport;
import app.hearth.chat.ConversationStore;
import app.hearth.chat.Message;
import app.hearth.chat.MessageStatus;
import app.hearth.chat.ModelFacts;
import app.hearth.chat.ModelRef;
import app.hearth.chat.ReplyStats;
import app.hearth.chat.template.PromptFamily;
import app.hearth.chat.template.TemplateDetector;
import app.hearth.models.ModelCatalog;
import app.hearth.models.ModelEntry;
import app.hearth.protocol.CachedModel;
import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ErrorCode;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import app.hearth.workerclient.GenerationHandle;
import app.hearth.workerclient.GenerationListener;
import app.hearth.workerclient.WorkerError;
import app.hearth.workerclient.WorkerListener;
import app.hearth.workerclient.WorkerService;
import app.hearth.workerclient.WorkerState;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * The chat window's state and commands for the open conversation. All methods run on the
 * JavaFX thread; the worker's events arrive there through the executor the {@link
 * WorkerService} was built with, and disk reads run on the {@code background} executor.
 */
public final class ChatViewModel {

    /** What the window is doing. */
    public enum State { IDLE, NO_MODEL, LOADING_MODEL, GENERATING, ERROR, WORKER_DOWN }

    private final WorkerService worker;
    private final Executor background;
    private final Path modelsFolder;
    private final ConversationsViewModel conversations;
    private final ModelFactsCache facts;
    private final ObservableList<ChatMessage> messages = FXCollections.observableArrayList();
    private final ObservableList<Path> models = FXCollections.observableArrayList();
    private final ObjectProperty<Path> selectedModel = new SimpleObjectProperty<>(this, "model");
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final ReadOnlyObjectWrapper<State> state =
            new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<ChatMessage> editing =
            new ReadOnlyObjectWrapper<>(this, "editing");
    private final ReadOnlyBooleanWrapper continuable =
            new ReadOnlyBooleanWrapper(this, "continuable");
    private final Set<String> cachedModels = new HashSet<>();
    private final PromptSizer sizer;
    private final ContextGauge gauge;

    private Conversation shown;
    private GenerationHandle current;
    private ChatMessage streaming;
    private int defaultContext = ModelOptions.DEFAULT_CONTEXT_TOKENS;
    private int threads;
    private Runnable modelPicker = () -> { };
    private List<Path> extraFolders = List.of();
    /** Why each model file of the list that cannot be used cannot; the rest are not here. */
    private Map<Path, String> problems = Map.of();

    /** A window whose conversations live in memory only. */
    public ChatViewModel(WorkerService worker, Executor background, Path modelsFolder,
            Sampling sampling) {
        this(worker, background, modelsFolder, sampling, null);
    }

    /**
     * @param worker       runs the models; its callbacks must arrive on the JavaFX thread
     * @param background   runs disk reads and writes, one at a time
     * @param modelsFolder where the models are
     * @param sampling     sampling settings of new conversations
     * @param store        where conversations are saved; null keeps them in memory
     */
    public ChatViewModel(WorkerService worker, Executor background, Path modelsFolder,
            Sampling sampling, ConversationStore store) {
        this.worker = worker;
        this.background = background;
        this.modelsFolder = modelsFolder;
        this.conversations = new ConversationsViewModel(store, background, status::set,
                sampling);
        this.facts = new ModelFactsCache(background);
        this.sizer = new PromptSizer(worker);
        this.gauge = new ContextGauge(sizer);
        worker.addListener(new WorkerNews());
        bind();
    }

    private void bind() {
        show(conversations.getCurrent());
        conversations.currentProperty().addListener((obs, old, now) -> show(now));
        selectedModel.addListener((obs, old, now) -> useModel(now));
        input.addListener((obs, old, now) -> refreshGauge());
        // A reply ends, or another conversation opens, always with a change of one of these.
        continuable.bind(Bindings.createBooleanBinding(() -> !isBusy() && !messages.isEmpty()
                && messages.get(messages.size() - 1).isCutShort(), state, messages));
    }

    /** Scans the models folder off the JavaFX thread and updates the model list. */
    public void refreshModels() {
        List<Path> folders = new ArrayList<>(List.of(modelsFolder));
        folders.addAll(extraFolders);
        Path chosen = selectedModel.get();
        background.execute(() -> {
            List<Path> found = new ArrayList<>(folders.stream()
                    .flatMap(folder -> ModelFiles.list(folder).stream()).distinct().toList());
            // A model chosen from elsewhere (the picker, a dropped file) stays on the list
            // while its file exists.
            if (chosen != null && !found.contains(chosen) && Files.isRegularFile(chosen)) {
                found.add(chosen);
            }
            Map<Path, String> unusable = new HashMap<>();
            for (Path file : found) {
                ModelEntry entry = ModelCatalog.describe(file);
                if (!entry.readable()) {
                    unusable.put(file, entry.problem());
                }
            }
            Platform.runLater(() -> showModels(found, unusable));
        });
    }

    /** Sends the input as a user message, or as the edit of an earlier one, and replies. */
    public void send() {
        String text = input.get().strip();
        if (text.isEmpty() || isBusy()) {
            return;
        }
        if (selectedModel.get() == null) {
            status.set("Add a model first: put a .gguf file in " + modelsFolder);
            return;
        }
        if (problemOf(selectedModel.get()) != null) {
            status.set(unusable(selectedModel.get()));
            return;
        }

        ChatMessage edited = editing.get();
        if (edited != null && messages.contains(edited)) {
            messages.remove(messages.indexOf(edited), messages.size());
        }
        editing.set(null);
        messages.add(new ChatMessage(Message.user(newId(), text, now())));
        reply();
        // Emptied once the reply is under way, so the gauge does not size a prompt for it.
        input.set("");
    }

    /** Answers the last user message again, in place of the reply it has. */
    public void regenerate() {
        if (isBusy() || messages.isEmpty() || selectedModel.get() == null) {
            return;
        }
        ChatMessage last = messages.get(messages.size() - 1);
        if (last.getRole() == ChatMessage.Role.ASSISTANT) {
            messages.remove(messages.size() - 1);
        }
        if (!messages.isEmpty()) {
            reply();
        }
    }

    /**
     * Generates more of the last reply, which the max-tokens limit cut short: the prompt ends
     * with the reply so far, so the model goes on with the same turn and no user message is
     * added. The model that wrote the reply goes on with it, with the conversation's
     * settings as they are now.
     */
    public void continueReply() {
        if (!continuable.get()) {
            return;
        }
        ChatMessage last = messages.get(messages.size() - 1);
        Path model = modelOf(last);
        if (model == null) {
            return;
        }
        last.resume(shown.sampling());
        generate(last, model);
    }

    /** Puts a user message into the input box; sending it replaces it and what follows. */
    public void edit(ChatMessage message) {
        if (isBusy() || message.getRole() != ChatMessage.Role.USER) {
            return;
        }
        // The text first: the view puts the caret at its end when editing starts.
        input.set(message.getText());
        editing.set(message);
        // The box may have held the text already, which changes nothing to hear.
        refreshGauge();
    }

    /** Leaves editing; the input box empties. */
    public void cancelEdit() {
        if (editing.get() != null) {
            editing.set(null);
            input.set("");
            // The box may have been empty already, and the whole conversation counts again.
            refreshGauge();
        }
    }

    /** Stops the reply at once; the text received so far stays. */
    public void stop() {
        if (!halt()) {
            return;
        }
        status.set("Stopped.");
        // The gauge still shows the prompt sent; the stopped text counts from now on.
        refreshGauge();
    }

    /** The open conversation's system prompt; empty for none. */
    public String getSystemPrompt() {
        return shown.systemPrompt();
    }

    /** The open conversation's sampling settings. */
    public Sampling getSampling() {
        return shown.sampling();
    }

    /** Changes the open conversation's system prompt and sampling for its next replies. */
    public void applySettings(String systemPrompt, Sampling sampling) {
        commit(shown.withSystemPrompt(systemPrompt, now()).withSampling(sampling, now()));
        status.set("Conversation settings saved; they apply from the next reply.");
        refreshGauge();
    }

    /** Writes the open conversation to {@code target} off the JavaFX thread; says when done. */
    public void export(Path target, ConversationExport.Format format) {
        Conversation snapshot = shown;
        background.execute(() -> {
            String outcome;
            try {
                ConversationExport.write(snapshot, format, target);
                outcome = "Exported “" + snapshot.title() + "” to " + target;
            } catch (IOException | RuntimeException e) {
                Logger.error(e, "Could not export conversation {} to {}", snapshot.id(), target);
                outcome = "Could not export to " + target + ": " + e.getMessage();
            }
            String message = outcome;
            Platform.runLater(() -> status.set(message));
        });
    }

    /** The open conversation's title, for a file name. */
    public String getTitle() {
        return shown.title();
    }

    /** Opens the model picker, through the hook the app set. */
    public void pickModel() {
        modelPicker.run();
    }

    /** Sets what Ctrl+K opens; the picker dialog belongs to the models feature. */
    public void setModelPicker(Runnable picker) {
        modelPicker = picker == null ? () -> { } : picker;
    }

    /** Sets more folders to find models in, besides the models folder; then refresh. */
    public void setExtraModelFolders(List<Path> folders) {
        extraFolders = List.copyOf(folders);
    }

    /** Sets the context size (tokens) and threads of new loads; 0 threads lets the worker pick. */
    public void setModelOptions(int contextTokens, int threadCount) {
        defaultContext = contextTokens;
        threads = threadCount;
        refreshGauge();
    }

    /** Shows one sentence to people in the status line. */
    public void notify(String message) {
        status.set(message);
    }

    /** The conversation list of the sidebar. */
    public ConversationsViewModel conversations() {
        return conversations;
    }

    public ObservableList<ChatMessage> getMessages() {
        return messages;
    }

    public ObservableList<Path> getModels() {
        return models;
    }

    /**
     * Why a model file of the list cannot be used (a damaged or unfinished file, not a GGUF
     * model), one sentence for people; null when it can be.
     */
    public String problemOf(Path model) {
        return problems.get(model);
    }

    /** Whether the last message is a reply cut short by the token limit that can go on. */
    public ReadOnlyBooleanProperty continuableProperty() {
        return continuable.getReadOnlyProperty();
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

    /**
     * Tokens of the model's context that the next prompt takes: the conversation, with what
     * is typed in the input box as the next message, less the turns left out. The estimate
     * shows first; the model's exact count replaces it once the worker holds the model (the
     * gauge never loads one). During and after a reply, the reply's own prompt and tokens.
     */
    public ReadOnlyIntegerProperty contextUsedProperty() {
        return gauge.usedProperty();
    }

    /** The context the model runs with, in tokens; 0 until known. */
    public ReadOnlyIntegerProperty contextSizeProperty() {
        return gauge.sizeProperty();
    }

    /** The user message being edited, or null. */
    public ReadOnlyObjectProperty<ChatMessage> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public Path getModelsFolder() {
        return modelsFolder;
    }

    /** Whether a reply is on its way. */
    public boolean isBusy() {
        return state.get() == State.GENERATING || state.get() == State.LOADING_MODEL;
    }

    /**
     * Stops a reply and queues the last saves, at exit; the app then lets the background
     * executor finish before it ends.
     */
    public void saveBeforeExit() {
        halt();
        conversations.retryUnsaved();
    }

    private void show(Conversation conversation) {
        if (conversation == null || (shown != null && shown.id().equals(conversation.id()))) {
            shown = conversation == null ? shown : conversation;
            return;
        }
        halt();
        editing.set(null);
        shown = conversation;
        status.set("");
        messages.setAll(conversation.messages().stream().map(ChatViewModel::reopened).toList());
        gauge.set(0, gauge.sizeProperty().get());
        Path model = conversation.model() == null ? null : Path.of(conversation.model());
        if (model != null && !models.contains(model) && models.isEmpty()) {
            return;
        }
        if (model != null && models.contains(model)) {
            selectedModel.set(model);
        } else {
            useModel(selectedModel.get());
        }
        // Keeping the model changes no selection, and the gauge still needs sizing.
        refreshGauge();
    }

    /** Ends the streaming reply as stopped; whether there was one. */
    private boolean halt() {
        if (streaming == null) {
            return false;
        }
        if (current != null) {
            current.cancel();
        }
        end(streaming, ChatMessage.Status.STOPPED, null, null);
        return true;
    }

    private void useModel(Path model) {
        if (model != null && !models.contains(model)) {
            // Chosen outside the list (in the picker): the list shows it too.
            models.add(model);
        }
        if (model == null || shown == null) {
            return;
        }
        if (problemOf(model) != null) {
            status.set(unusable(model));
        }
        refreshGauge();
        if (!model.toString().equals(shown.model())) {
            commit(shown.withModel(model.toString(), now()));
        }
    }

    /**
     * Sizes the next prompt for the gauge: the transcript and the draft in the input box,
     * which replaces the message being edited and what follows it.
     */
    private void refreshGauge() {
        Path model = selectedModel.get();
        if (model == null || shown == null || isBusy()) {
            return;
        }
        facts.get(model, known -> {
            if (!model.equals(selectedModel.get()) || isBusy()) {
                return;
            }
            String draft = input.get().strip();
            if (messages.isEmpty() && draft.isEmpty()) {
                gauge.set(0, contextFor(known));
                return;
            }
            int edited = editing.get() == null ? -1 : messages.indexOf(editing.get());
            List<ChatMessage> next = new ArrayList<>(edited < 0 ? messages
                    : messages.subList(0, edited));
            next.add(new ChatMessage(Message.user("draft", draft, 0)));
            gauge.show(job(model, known, next, ""), cachedModels.contains(model.toString()));
        });
    }

    private void reply() {
        Path model = selectedModel.get();
        ChatMessage answer = new ChatMessage(Message.reply(newId(), now(),
                new ModelRef(model.getFileName().toString(), model.toString(), null, null, null),
                shown.sampling(), shown.systemPrompt()));
        messages.add(answer);
        generate(answer, model);
    }

    /** Streams the reply, new or going on, from the model. */
    private void generate(ChatMessage answer, Path model) {
        streaming = answer;
        commitMessages();
        boolean cached = cachedModels.contains(model.toString());
        state.set(cached ? State.GENERATING : State.LOADING_MODEL);
        status.set(cached ? "Thinking…" : "Loading " + model.getFileName() + "…");
        facts.get(model, known -> start(answer, model, known, false, false));
    }

    /**
     * Fits the prompt into the context and sends it. When guessed counts decided the fit,
     * the worker counts those prompts first and the fit is made again, unless the model is
     * not loaded and the whole conversation fits by the guess: then the generation loads
     * it and measures the prompt itself, and asking first would only delay the reply.
     *
     * @param retried   whether the worker already refused this reply's prompt as too long
     * @param guessOnly whether the worker could not count, so the guess must do
     */
    private void start(ChatMessage answer, Path model, ModelFacts known, boolean retried,
            boolean guessOnly) {
        if (answer != streaming) {
            return;
        }
        PromptSizer.Job job = job(model, known, messages.subList(0, messages.indexOf(answer)),
                answer.replyStart());
        PromptSizer.Sized sized = sizer.size(job);
        boolean loaded = cachedModels.contains(model.toString());
        if (!sized.exact() && !guessOnly && (loaded || !sized.keepsEverything())) {
            gauge.set(sized.tokens(), job.options().contextSize());
            sizer.measure(job, sized).whenComplete((counted, failure) ->
                    start(answer, model, known, retried, failure != null));
            return;
        }
        if (sized.overflow() != null && !answer.replyStart().isEmpty()) {
            cannotContinue(answer);
            return;
        }
        if (sized.overflow() != null) {
            end(answer, ChatMessage.Status.FAILED, null, sized.overflow().getMessage());
            status.set(sized.overflow().getMessage());
            return;
        }
        send(answer, job, sized.prompt(), retried);
    }

    private void send(ChatMessage answer, PromptSizer.Job job, ReplyPrompt prompt,
            boolean retried) {
        showLeftOut(prompt.firstKept());
        gauge.set(prompt.tokens(), job.options().contextSize());
        PromptFamily family = TemplateDetector.detect(job.facts().chatTemplate());
        answer.describeModel(job.facts().quantization(), family.name());
        String text = prompt.prompt().text();
        current = worker.generate(job.model().toString(), text, shown.sampling(),
                job.options(), prompt.prompt().stop(),
                new ReplyListener(answer, job, text, retried));
    }

    /**
     * What to size for a reply to {@code history} with the model.
     *
     * @param replyStart the reply so far, when it goes on; empty for a new reply
     */
    private PromptSizer.Job job(Path model, ModelFacts known, List<ChatMessage> history,
            String replyStart) {
        int context = contextFor(known);
        int reserve = Math.min(shown.sampling().maxTokens(), context / 4);
        return new PromptSizer.Job(model, known, new ModelOptions(context, threads),
                List.copyOf(history), replyStart, shown.systemPrompt(), context - reserve);
    }

    /** The reply so far leaves the next part no room: it stays as it was. */
    private void cannotContinue(ChatMessage answer) {
        answer.abandonContinue();
        streaming = null;
        current = null;
        state.set(State.IDLE);
        commitMessages();
        status.set("The reply cannot go on: with it, the conversation fills the model's "
                + "context. Choose a larger context in Settings, or ask in a new message.");
    }

    /** The model that wrote a reply, where it can still be found; else the one chosen. */
    private Path modelOf(ChatMessage reply) {
        String path = reply.toRecord().model() == null ? null : reply.toRecord().model().path();
        return path != null ? Path.of(path) : selectedModel.get();
    }

    private String unusable(Path model) {
        return model.getFileName() + " cannot be used: " + problemOf(model);
    }

    private void showLeftOut(int firstKept) {
        for (int i = 0; i < messages.size(); i++) {
            messages.get(i).setLeftOut(i < firstKept);
        }
        if (firstKept > 0) {
            status.set(firstKept + " earlier messages no longer fit in the model's context "
                    + "and were left out.");
        }
    }

    private void end(ChatMessage message, ChatMessage.Status how, ReplyStats stats,
            String why) {
        if (message == null || message != streaming) {
            return;
        }
        message.finish(how, stats, why);
        streaming = null;
        current = null;
        state.set(how == ChatMessage.Status.COMPLETE || how == ChatMessage.Status.STOPPED
                ? State.IDLE : State.ERROR);
        commitMessages();
    }

    private void commitMessages() {
        commit(shown.withMessages(messages.stream().map(ChatMessage::toRecord).toList(),
                now()));
    }

    private void commit(Conversation changed) {
        shown = changed;
        conversations.update(changed);
    }

    private void showModels(List<Path> found, Map<Path, String> unusable) {
        Path previous = selectedModel.get();
        // Before the list changes, so that its cells find the problems of the new files.
        problems = Map.copyOf(unusable);
        models.setAll(found);
        Path wanted = shown != null && shown.model() != null ? Path.of(shown.model()) : null;
        List<Path> usable = found.stream().filter(file -> !problems.containsKey(file))
                .toList();
        if (wanted != null && found.contains(wanted)) {
            selectedModel.set(wanted);
        } else if (previous == null || !found.contains(previous)) {
            selectedModel.set(ModelFiles.preferred(usable.isEmpty() ? found : usable));
        }
        if (found.isEmpty()) {
            state.set(State.NO_MODEL);
        } else if (state.get() == State.NO_MODEL) {
            state.set(State.IDLE);
        }
    }

    private int contextFor(ModelFacts known) {
        return ModelOptions.contextFor(known.contextLength(), defaultContext);
    }

    private static ChatMessage reopened(Message saved) {
        // A reply that was streaming when the app closed ends as interrupted.
        Message settled = saved.status() == MessageStatus.STREAMING
                ? saved.finished(MessageStatus.INTERRUPTED, saved.text(), saved.stats())
                : saved;
        return new ChatMessage(settled);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    /** Streams one reply into its message; ignores events once the message has ended. */
    private final class ReplyListener implements GenerationListener {

        private final ChatMessage message;
        private final PromptSizer.Job job;
        private final String prompt;
        private final boolean retried;

        ReplyListener(ChatMessage message, PromptSizer.Job job, String prompt, boolean retried) {
            this.message = message;
            this.job = job;
            this.prompt = prompt;
            this.retried = retried;
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
            sizer.learn(job.model(), prompt, done.promptTokens());
            if (message != streaming) {
                return;
            }
            ReplyStats stats = new ReplyStats(done.promptTokens(), done.generatedTokens(),
                    done.timeToFirstTokenMs(), done.tokensPerSecond(), done.loadMs(),
                    done.stopReason());
            gauge.set(done.promptTokens() + done.generatedTokens(),
                    job.options().contextSize());
            boolean cancelled = "cancelled".equals(done.stopReason());
            end(message, cancelled ? ChatMessage.Status.STOPPED : ChatMessage.Status.COMPLETE,
                    stats, null);
            status.set(message.getDetails());
        }

        @Override
        public void onError(WorkerError error) {
            if (message != streaming) {
                return;
            }
            if (ErrorCode.PROMPT_TOO_LONG.equals(error.code()) && !retried) {
                // A guess let the prompt go unmeasured and was too low; the model is loaded
                // now, so the retry counts exactly.
                sizer.assumeWorst(job.model());
                current = null;
                start(message, job.model(), job.facts(), true, false);
                return;
            }
            boolean crashed = error.code().startsWith("worker_");
            end(message, crashed ? ChatMessage.Status.INTERRUPTED : ChatMessage.Status.FAILED,
                    null, error.message());
            status.set(error.message());
        }
    }

    /** Keeps the cached-model set and the worker's health in view. */
    private final class WorkerNews implements WorkerListener {

        @Override
        public void onModels(List<CachedModel> cached) {
            Path model = selectedModel.get();
            boolean wasLoaded = model != null && cachedModels.contains(model.toString());
            cachedModels.clear();
            cached.forEach(entry -> cachedModels.add(entry.model()));
            if (model != null && !wasLoaded && cachedModels.contains(model.toString())) {
                // The worker can count for the gauge now without loading anything.
                refreshGauge();
            }
        }

        @Override
        public void onStateChanged(WorkerState workerState, String message) {
            if (workerState == WorkerState.FAILED && message != null && !isBusy()) {
                status.set(message);
            }
        }
    }
}
