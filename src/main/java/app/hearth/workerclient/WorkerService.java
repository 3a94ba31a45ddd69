package app.hearth.workerclient;

import app.hearth.protocol.CancelRequest;
import app.hearth.protocol.CachedModel;
import app.hearth.protocol.ConfigureRequest;
import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ErrorCode;
import app.hearth.protocol.ErrorEvent;
import app.hearth.protocol.Event;
import app.hearth.protocol.GenerateRequest;
import app.hearth.protocol.HelloEvent;
import app.hearth.protocol.LoadRequest;
import app.hearth.protocol.LoadedEvent;
import app.hearth.protocol.MemoryEvent;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.ModelsEvent;
import app.hearth.protocol.PinRequest;
import app.hearth.protocol.Protocol;
import app.hearth.protocol.Request;
import app.hearth.protocol.RetireEvent;
import app.hearth.protocol.Sampling;
import app.hearth.protocol.ShutdownRequest;
import app.hearth.protocol.StatusRequest;
import app.hearth.protocol.TokenEvent;
import app.hearth.protocol.TokenizeRequest;
import app.hearth.protocol.TokenizedEvent;
import app.hearth.protocol.UnloadRequest;
import org.tinylog.Logger;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The UI side of the worker: starts the one worker process on first need, sends it requests,
 * routes its events to listeners, and starts a new worker after the old one died.
 *
 * <p>Threading: every public method returns at once and may be called from any thread, the
 * JavaFX thread included. The process is started, written to and accounted for on one named
 * service thread. Listeners are called on the {@code callbacks} executor given to the
 * constructor ({@code Platform::runLater} in the app, a direct executor in tests and on the
 * command line), in the order the worker sent the events.
 *
 * <p>Memory: a worker cannot give back the memory of models it freed (DESIGN.md §3). When it
 * asks to be retired ({@link RetireEvent}, or a request answered with
 * {@link ErrorCode#RETRY_AFTER_RECLAIM}), the service waits until no request is in flight,
 * lets the worker exit, and starts a successor that reloads the models the old one still
 * held, pins kept, then serves the requests that waited. Listeners see
 * {@link WorkerState#RECLAIMING} meanwhile. Only one worker serves at any moment.
 *
 * <p>Faults: a worker that dies fails its requests with {@code worker_crashed} and the next
 * request starts a new one; a worker that stops answering, makes no progress, or ignores a
 * Stop (see {@link WorkerLimits}) is killed and fails them with {@code worker_hung}. A model
 * that was in use when the worker died twice in a row is quarantined: its requests fail with
 * {@code model_quarantined} until {@link #clearQuarantine(String)}.
 */
public final class WorkerService implements AutoCloseable {

    private final WorkerLauncher launcher;
    private final Executor callbacks;
    private final WorkerLimits limits;
    private final ExecutorService service = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "worker-service");
        thread.setDaemon(true);
        return thread;
    });
    private final List<WorkerListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "worker-watchdog");
                thread.setDaemon(true);
                return thread;
            });
    private final CrashHistory crashes = new CrashHistory();

    // Owned by the service thread.
    private final Watchdog watchdog;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Set<String> deferred = new LinkedHashSet<>();
    private WorkerConnection connection;
    private boolean closing;
    private boolean retireWanted;
    private List<CachedModel> lastModels = List.of();
    private final Set<String> pinnedBeforeCrash = new HashSet<>();
    private long budgetBytes;
    private long idleExpiryMs = -1;
    private long reclaimStartedNs;

    private final Thread exitHook = new Thread(this::killNow, "worker-service-exit");
    private volatile WorkerState state = WorkerState.STOPPED;
    private volatile long pid = -1;

    /**
     * @param launcher  starts worker processes
     * @param callbacks runs listener calls, in order
     */
    public WorkerService(WorkerLauncher launcher, Executor callbacks) {
        this(launcher, callbacks, WorkerLimits.DEFAULT);
    }

    /**
     * @param launcher  starts worker processes
     * @param callbacks runs listener calls, in order
     * @param limits    how long to wait for a worker before replacing it
     */
    public WorkerService(WorkerLauncher launcher, Executor callbacks, WorkerLimits limits) {
        this.launcher = launcher;
        this.callbacks = callbacks;
        this.limits = limits;
        this.watchdog = new Watchdog(limits, () -> System.nanoTime() / 1_000_000);
        // Should the UI end without close(), the worker still goes with it.
        Runtime.getRuntime().addShutdownHook(exitHook);
        ticker.scheduleWithFixedDelay(() -> onService(this::watch), limits.tickMs(),
                limits.tickMs(), TimeUnit.MILLISECONDS);
    }

    /** Adds a listener for worker-wide news. */
    public void addListener(WorkerListener listener) {
        listeners.add(listener);
    }

    /** The worker's state as last reported to listeners. */
    public WorkerState state() {
        return state;
    }

    /** The running worker's process id, if one runs. */
    public OptionalLong workerPid() {
        long current = pid;
        return current < 0 ? OptionalLong.empty() : OptionalLong.of(current);
    }

    /**
     * Generates a reply, loading the model first if the worker does not hold it.
     *
     * @param model    absolute path of the GGUF file
     * @param prompt   the prompt, chat template applied
     * @param sampling sampling settings
     * @param options  load options
     * @param stop     strings that end the reply; may be empty
     * @param listener receives the reply
     */
    public GenerationHandle generate(String model, String prompt, Sampling sampling,
            ModelOptions options, List<String> stop, GenerationListener listener) {
        String id = nextId("g");
        GenerateRequest request = new GenerateRequest(id, model, prompt, sampling, options,
                List.copyOf(stop));
        submit(request, new Pending.Generation(listener, request));
        return new GenerationHandle() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void cancel() {
                service.execute(() -> cancelOnService(id));
            }
        };
    }

    /**
     * Loads a model ahead of use.
     *
     * @return completes, on the callbacks executor, with the load time in ms (0 if the model
     *         was cached), or exceptionally with a {@link WorkerException}
     */
    public CompletableFuture<Long> load(String model, ModelOptions options, boolean pinned) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        LoadRequest request = new LoadRequest(nextId("l"), model, options, pinned);
        submit(request, new Pending.Load(result, request));
        return result;
    }

    /**
     * Counts the tokens of a text in a model's vocabulary, as the worker counts a prompt;
     * loads the model first if the worker does not hold it.
     *
     * @param options the load options the model's generations use, so no second copy loads
     * @return completes, on the callbacks executor, with the count, or exceptionally with a
     *         {@link WorkerException}
     */
    public CompletableFuture<Integer> tokenize(String model, String text, ModelOptions options) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        TokenizeRequest request = new TokenizeRequest(nextId("t"), model, text, options);
        submit(request, new Pending.Tokenize(result, request));
        return result;
    }

    /**
     * Lets a quarantined model be loaded again, at the user's explicit wish; its next crash
     * counts from one. Any thread.
     *
     * @return whether the model was quarantined
     */
    public boolean clearQuarantine(String model) {
        boolean was = crashes.clear(model);
        if (was) {
            Logger.info("Quarantine of {} lifted", model);
        }
        return was;
    }

    /**
     * The models that are not loaded automatically because they stopped the worker twice in
     * a row, each with the cause of its last crash (as in "aborted, signal 6"). Any thread.
     */
    public Map<String, String> quarantinedModels() {
        return crashes.quarantined();
    }

    /** Drops a model from the worker's cache; nothing happens if no worker runs. */
    public void unload(String model) {
        service.execute(() -> sendIfRunning(new UnloadRequest(nextId("u"), model)));
    }

    /** Pins or unpins a cached model; nothing happens if no worker runs. */
    public void pin(String model, boolean pinned) {
        service.execute(() -> sendIfRunning(new PinRequest(nextId("p"), model, pinned)));
    }

    /**
     * Sets the worker's memory budget and idle expiry, now and for every worker started
     * later.
     *
     * @param budget     bytes the cached models may take together; 0 keeps the current one
     * @param idleExpiry ms an unused model stays; 0 = forever, negative keeps the current one
     */
    public void configure(long budget, long idleExpiry) {
        service.execute(() -> {
            if (budget > 0) {
                budgetBytes = budget;
            }
            if (idleExpiry >= 0) {
                idleExpiryMs = idleExpiry;
            }
            sendIfRunning(new ConfigureRequest(nextId("c"), budget, idleExpiry));
        });
    }

    /**
     * Asks the worker to exit, waits a few seconds for it, then kills it. Blocks for at most
     * the exit limit and a second (6 s by default); call it off the JavaFX thread where
     * possible.
     */
    @Override
    public void close() {
        CompletableFuture<Void> done = CompletableFuture.runAsync(this::shutdownOnService,
                service);
        try {
            done.get(limits.exitTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            Logger.warn(e, "The worker did not shut down cleanly");
        } finally {
            ticker.shutdownNow();
            killNow();
            // Let the service thread finish what the worker's exit queued (its last log
            // lines), so nothing logs after a command-line run calls System.exit.
            service.shutdown();
            awaitServiceEnd();
            removeExitHook();
        }
    }

    private void submit(Request request, Pending handler) {
        service.execute(() -> {
            pending.put(request.id(), handler);
            String cause = crashes.quarantineCause(handler.model());
            if (cause != null) {
                fail(request.id(), new WorkerError(ErrorCode.MODEL_QUARANTINED,
                        Sentences.quarantined(handler.model(), cause)));
                return;
            }
            try {
                WorkerConnection worker = ensureStarted();
                worker.send(request);
                watchdog.sent(request.id());
            } catch (WorkerException e) {
                fail(request.id(), new WorkerError(e.code(), e.getMessage()));
            } catch (IOException e) {
                Logger.warn(e, "Could not send {} to the worker", request.id());
                fail(request.id(), new WorkerError(ErrorCode.WORKER_CRASHED,
                        "The model worker stopped before it got the request; try again."));
            } catch (RequestTooLongException e) {
                fail(request.id(), new WorkerError(ErrorCode.PROMPT_TOO_LONG, e.getMessage()));
            } catch (RuntimeException e) {
                // A request that cannot even be written must end for its caller, not hang.
                Logger.error(e, "Could not send {}", request.id());
                fail(request.id(), new WorkerError(ErrorCode.BAD_REQUEST,
                        "Hearth could not send this request: " + e.getMessage()));
            }
        });
    }

    private WorkerConnection ensureStarted() throws WorkerException {
        if (connection != null) {
            return connection;
        }
        if (closing) {
            throw new WorkerException(ErrorCode.WORKER_START_FAILED, "Hearth is shutting down.");
        }
        setState(WorkerState.STARTING, null);
        WorkerConnection started = launch();
        setState(WorkerState.READY, null);
        return started;
    }

    /** Starts a worker, waits for its hello and sends it the configuration. */
    private WorkerConnection launch() throws WorkerException {
        Process process;
        try {
            process = launcher.start();
        } catch (IOException e) {
            Logger.error(e, "Could not start the worker: {}", launcher.describe());
            setState(WorkerState.FAILED, "The model worker could not be started.");
            throw new WorkerException(ErrorCode.WORKER_START_FAILED,
                    "The model worker could not be started: " + e.getMessage());
        }
        WorkerConnection started = new WorkerConnection(process,
                event -> onService(() -> onEvent(process, event)),
                () -> onService(() -> onEnd(process)));
        awaitHello(started);
        watchdog.started();
        connection = started;
        pid = process.pid();
        if (budgetBytes > 0 || idleExpiryMs >= 0) {
            sendIfRunning(new ConfigureRequest(nextId("c"), budgetBytes, idleExpiryMs));
        }
        return started;
    }

    private void awaitHello(WorkerConnection started) throws WorkerException {
        long startedAt = System.nanoTime();
        HelloEvent hello;
        try {
            hello = started.hello().get(limits.handshake().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.kill();
            throw new WorkerException(ErrorCode.WORKER_START_FAILED, "Interrupted.");
        } catch (ExecutionException | TimeoutException e) {
            started.kill();
            String why = e instanceof TimeoutException
                    ? "did not answer within " + limits.handshake().toSeconds() + " s"
                    : "exited while starting";
            setState(WorkerState.FAILED, "The model worker " + why + ".");
            throw new WorkerException(ErrorCode.WORKER_START_FAILED,
                    "The model worker " + why + "; see the log for details.");
        }
        if (hello.protocol() != Protocol.VERSION) {
            started.kill();
            setState(WorkerState.FAILED, "The model worker speaks another protocol version.");
            throw new WorkerException(ErrorCode.WORKER_START_FAILED, "The model worker speaks "
                    + "protocol " + hello.protocol() + ", this app " + Protocol.VERSION
                    + "; reinstall Hearth.");
        }
        Logger.info("Worker {} started in {} ms", hello.pid(),
                (System.nanoTime() - startedAt) / 1_000_000);
    }

    private void onEvent(Process from, Event event) {
        if (connection == null || connection.process() != from) {
            // A retired or dead worker's last words; its successor speaks for it now.
            return;
        }
        watchdog.observe(event);
        try {
            route(event);
        } catch (RuntimeException e) {
            // A well-formed line can still carry nonsense; it must not stop the service.
            Logger.warn(e, "Skipped an event the service could not use: {}", event);
        }
    }

    private void route(Event event) {
        if (event instanceof TokenEvent token) {
            Pending handler = pending.get(token.id());
            if (handler instanceof Pending.Generation generation) {
                callbacks.execute(() -> generation.listener().onToken(token.text()));
            }
        } else if (event instanceof DoneEvent done) {
            Pending handler = pending.remove(done.id());
            if (handler instanceof Pending.Generation generation) {
                crashes.succeeded(generation.model());
                callbacks.execute(() -> generation.listener().onDone(done));
            }
            maybeRetire();
        } else if (event instanceof TokenizedEvent tokenized) {
            onTokenized(tokenized);
        } else if (event instanceof ErrorEvent error) {
            onError(error);
        } else if (event instanceof LoadedEvent loaded) {
            onLoaded(loaded);
        } else if (event instanceof ModelsEvent models && models.models() != null) {
            List<CachedModel> list = models.models().stream()
                    .filter(model -> model != null).toList();
            lastModels = list;
            repinAfterCrash(list);
            notifyListeners(listener -> listener.onModels(list));
        } else if (event instanceof MemoryEvent memory) {
            notifyListeners(listener -> listener.onMemory(memory));
        } else if (event instanceof RetireEvent retire) {
            Logger.info("Worker {} holds {} bytes it cannot give back", pid, retire.heldBytes());
            retireWanted = true;
            maybeRetire();
        }
    }

    private void onError(ErrorEvent error) {
        WorkerError failure = new WorkerError(error.code(), error.message());
        if (error.id() == null) {
            Logger.warn("Worker reported: {}", error.message());
            notifyListeners(listener -> listener.onWorkerError(failure));
            return;
        }
        boolean retry = ErrorCode.RETRY_AFTER_RECLAIM.equals(error.code());
        Pending handler = pending.get(error.id());
        if (retry && handler != null && !(handler instanceof Pending.Reload)) {
            Logger.info("Request {} waits for a worker with its memory back", error.id());
            deferred.add(error.id());
            retireWanted = true;
        } else {
            fail(error.id(), failure);
        }
        maybeRetire();
    }

    private void onTokenized(TokenizedEvent tokenized) {
        if (pending.get(tokenized.id()) instanceof Pending.Tokenize tokenize) {
            pending.remove(tokenized.id());
            crashes.succeeded(tokenize.model());
            callbacks.execute(() -> tokenize.result().complete(tokenized.tokens()));
        }
        maybeRetire();
    }

    private void onLoaded(LoadedEvent loaded) {
        Pending handler = pending.get(loaded.id());
        if (handler instanceof Pending.Load load) {
            pending.remove(loaded.id());
            crashes.succeeded(load.model());
            callbacks.execute(() -> load.result().complete(loaded.loadMs()));
        } else if (handler instanceof Pending.Generation generation) {
            callbacks.execute(() -> generation.listener().onLoaded(loaded.loadMs()));
        } else if (handler instanceof Pending.Reload) {
            pending.remove(loaded.id());
            reloaded();
        }
        maybeRetire();
    }

    private void onEnd(Process process) {
        if (connection == null || connection.process() != process) {
            return;
        }
        connection = null;
        pid = -1;
        String exit = ExitReason.of(process);
        if (closing) {
            Logger.info("Worker {} exited ({})", process.pid(), exit);
            setState(WorkerState.STOPPED, null);
            return;
        }
        Logger.error("Worker {} stopped unexpectedly ({})", process.pid(), exit);
        lose(ErrorCode.WORKER_CRASHED, exit, Sentences.crashed(exit));
    }

    /** Runs on the service thread every tick: probes the worker and judges it. */
    private void watch() {
        WorkerConnection worker = connection;
        if (worker == null || closing) {
            return;
        }
        String hung = watchdog.hungReason();
        if (hung != null) {
            Logger.error("Worker {} {}; killing it", worker.pid(), hung);
            connection = null;
            pid = -1;
            worker.kill();
            lose(ErrorCode.WORKER_HUNG, "it " + hung, Sentences.hung(hung));
            return;
        }
        if (watchdog.statusDue()) {
            String id = nextId("p");
            watchdog.statusSent(id);
            sendIfRunning(new StatusRequest(id));
        }
    }

    /**
     * The worker is gone: fails what it was doing, quarantines the models that were in use
     * if this was their second crash in a row, and tells the listeners.
     */
    private void lose(String code, String cause, String sentence) {
        deferred.clear();
        retireWanted = false;
        lastModels.stream().filter(CachedModel::pinned).map(CachedModel::model)
                .forEach(pinnedBeforeCrash::add);
        lastModels = List.of();
        List<String> inUse = pending.values().stream().map(Pending::model).toList();
        List<String> quarantinedNow = crashes.crashed(inUse, cause);
        for (String id : List.copyOf(pending.keySet())) {
            String model = pending.get(id).model();
            fail(id, new WorkerError(code, quarantinedNow.contains(model)
                    ? Sentences.quarantinedNow(model, cause) : sentence));
        }
        quarantinedNow.forEach(model -> {
            Logger.warn("Quarantined {} after {} crashes in a row", model, CrashHistory.LIMIT);
            notifyListeners(listener -> listener.onQuarantined(model, cause));
        });
        notifyListeners(listener -> listener.onModels(List.of()));
        setState(WorkerState.FAILED, quarantinedNow.isEmpty() ? sentence
                : Sentences.quarantinedNow(quarantinedNow.get(0), cause));
    }

    private void fail(String id, WorkerError error) {
        Pending handler = pending.remove(id);
        deferred.remove(id);
        if (handler instanceof Pending.Reload) {
            Logger.warn("Could not reload a model after a reclaim: {}", error.message());
            reloaded();
        } else if (handler instanceof Pending.Generation generation) {
            callbacks.execute(() -> generation.listener().onError(error));
        } else if (handler instanceof Pending.Load load) {
            callbacks.execute(() -> load.result().completeExceptionally(
                    new WorkerException(error.code(), error.message())));
        } else if (handler instanceof Pending.Tokenize tokenize) {
            callbacks.execute(() -> tokenize.result().completeExceptionally(
                    new WorkerException(error.code(), error.message())));
        }
    }

    private void cancelOnService(String id) {
        if (pending.containsKey(id)) {
            watchdog.cancelled(id);
            sendIfRunning(new CancelRequest(nextId("x"), id));
        }
    }

    private void sendIfRunning(Request request) {
        if (connection == null) {
            return;
        }
        try {
            connection.send(request);
        } catch (IOException e) {
            Logger.warn("Could not send {} to the worker: {}", request.id(), e.getMessage());
        }
    }

    private void shutdownOnService() {
        closing = true;
        WorkerConnection worker = connection;
        if (worker == null) {
            return;
        }
        worker.shutDown(new ShutdownRequest(nextId("s")), limits.exitTimeout());
    }

    private void killNow() {
        WorkerConnection worker = connection;
        if (worker != null && worker.process().isAlive()) {
            worker.kill();
        }
    }

    private void awaitServiceEnd() {
        try {
            if (!service.awaitTermination(1, TimeUnit.SECONDS)) {
                service.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            service.shutdownNow();
        }
    }

    /**
     * Models come back after a crash only when asked for (a model that crashed the worker
     * should not be loaded again unasked); one that was pinned is pinned again when it does.
     */
    private void repinAfterCrash(List<CachedModel> cached) {
        for (CachedModel model : cached) {
            if (!model.pinned() && pinnedBeforeCrash.remove(model.model())) {
                sendIfRunning(new PinRequest(nextId("p"), model.model(), true));
            }
        }
    }

    private void removeExitHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // The JVM is already exiting; the hook runs anyway and finds nothing to do.
        }
    }

    /** Runs a task on the service thread, unless the service is closed. */
    private void onService(Runnable task) {
        try {
            service.execute(task);
        } catch (RejectedExecutionException e) {
            Logger.debug("Service closed; dropped a task");
        }
    }

    private void setState(WorkerState next, String message) {
        state = next;
        notifyListeners(listener -> listener.onStateChanged(next, message));
    }

    private void notifyListeners(java.util.function.Consumer<WorkerListener> call) {
        callbacks.execute(() -> listeners.forEach(call));
    }

    private String nextId(String prefix) {
        return prefix + ids.incrementAndGet();
    }

    /** Retires the worker if it asked to be and nothing but deferred requests is pending. */
    private void maybeRetire() {
        if (!retireWanted || connection == null || closing
                || !deferred.containsAll(pending.keySet())) {
            return;
        }
        reclaimStartedNs = System.nanoTime();
        setState(WorkerState.RECLAIMING, "Giving memory back…");
        WorkerConnection old = connection;
        List<CachedModel> keep = lastModels;
        retireWanted = false;
        connection = null;
        pid = -1;
        old.shutDown(new ShutdownRequest("retire"), limits.exitTimeout());

        try {
            launch();
        } catch (WorkerException e) {
            WorkerError error = new WorkerError(e.code(), e.getMessage());
            List.copyOf(pending.keySet()).forEach(id -> fail(id, error));
            return;
        }
        Logger.info("Worker {} retired; worker {} reloads {} model(s)", old.pid(), pid,
                keep.size());
        keep.forEach(this::reload);
        List<String> waiting = List.copyOf(deferred);
        deferred.clear();
        waiting.forEach(id -> {
            sendIfRunning(pending.get(id).request());
            watchdog.sent(id);
        });
        if (pending.values().stream().noneMatch(Pending.Reload.class::isInstance)) {
            reloaded();
        }
    }

    private void reload(CachedModel model) {
        LoadRequest request = new LoadRequest(nextId("r"), model.model(),
                new ModelOptions(model.contextSize(), model.threads()), model.pinned());
        pending.put(request.id(), new Pending.Reload(request));
        sendIfRunning(request);
    }

    /** Called as each reload ends; the reclaim is over once none is left. */
    private void reloaded() {
        if (state != WorkerState.RECLAIMING
                || pending.values().stream().anyMatch(Pending.Reload.class::isInstance)) {
            return;
        }
        long ms = (System.nanoTime() - reclaimStartedNs) / 1_000_000;
        Logger.info("Memory reclaimed: worker {} took over in {} ms", pid, ms);
        setState(WorkerState.READY, "Memory given back in " + ms + " ms.");
    }
}
