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
import app.hearth.protocol.Protocol;
import app.hearth.protocol.Request;
import app.hearth.protocol.Sampling;
import app.hearth.protocol.ShutdownRequest;
import app.hearth.protocol.TokenEvent;
import app.hearth.protocol.UnloadRequest;
import org.tinylog.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
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
 */
public final class WorkerService implements AutoCloseable {

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
    private static final long EXIT_SECONDS = 5;
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(EXIT_SECONDS);

    private final WorkerLauncher launcher;
    private final Executor callbacks;
    private final ExecutorService service = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "worker-service");
        thread.setDaemon(true);
        return thread;
    });
    private final List<WorkerListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    // Owned by the service thread.
    private final Map<String, Pending> pending = new HashMap<>();
    private WorkerConnection connection;
    private boolean closing;

    private final Thread exitHook = new Thread(this::killNow, "worker-service-exit");
    private volatile WorkerState state = WorkerState.STOPPED;
    private volatile long pid = -1;

    /**
     * @param launcher  starts worker processes
     * @param callbacks runs listener calls, in order
     */
    public WorkerService(WorkerLauncher launcher, Executor callbacks) {
        this.launcher = launcher;
        this.callbacks = callbacks;
        // Should the UI end without close(), the worker still goes with it.
        Runtime.getRuntime().addShutdownHook(exitHook);
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
        submit(request, new Pending.Generation(listener));
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
        submit(new LoadRequest(nextId("l"), model, options, pinned), new Pending.Load(result));
        return result;
    }

    /** Drops a model from the worker's cache; nothing happens if no worker runs. */
    public void unload(String model) {
        service.execute(() -> sendIfRunning(new UnloadRequest(nextId("u"), model)));
    }

    /** Sets the worker's memory budget (bytes) and idle expiry (ms, 0 = never). */
    public void configure(long budgetBytes, long idleExpiryMs) {
        service.execute(() -> sendIfRunning(
                new ConfigureRequest(nextId("c"), budgetBytes, idleExpiryMs)));
    }

    /**
     * Asks the worker to exit, waits a few seconds for it, then kills it. Blocks for at most
     * about {@value #EXIT_SECONDS} seconds; call it off the JavaFX thread where possible.
     */
    @Override
    public void close() {
        CompletableFuture<Void> done = CompletableFuture.runAsync(this::shutdownOnService,
                service);
        try {
            done.get(EXIT_SECONDS + 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            Logger.warn(e, "The worker did not shut down cleanly");
        } finally {
            killNow();
            service.shutdownNow();
            removeExitHook();
        }
    }

    private void submit(Request request, Pending handler) {
        service.execute(() -> {
            pending.put(request.id(), handler);
            try {
                WorkerConnection worker = ensureStarted();
                worker.send(request);
            } catch (WorkerException e) {
                fail(request.id(), new WorkerError(e.code(), e.getMessage()));
            } catch (IOException e) {
                Logger.warn(e, "Could not send {} to the worker", request.id());
                fail(request.id(), new WorkerError(ErrorCode.WORKER_CRASHED,
                        "The model worker stopped before it got the request; try again."));
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
                event -> fromReader(() -> onEvent(event)),
                () -> fromReader(() -> onEnd(process)));
        awaitHello(started);
        connection = started;
        pid = process.pid();
        setState(WorkerState.READY, null);
        return started;
    }

    /** Hands a reader thread's news to the service thread, unless close() already ended it. */
    private void fromReader(Runnable task) {
        try {
            service.execute(task);
        } catch (RejectedExecutionException e) {
            // Events the worker sent while it was being closed; nobody is listening any more.
            Logger.debug("Dropped a worker event that arrived after close()");
        }
    }

    private void awaitHello(WorkerConnection started) throws WorkerException {
        long startedAt = System.nanoTime();
        HelloEvent hello;
        try {
            hello = started.hello().get(HANDSHAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.kill();
            throw new WorkerException(ErrorCode.WORKER_START_FAILED, "Interrupted.");
        } catch (ExecutionException | TimeoutException e) {
            started.kill();
            String why = e instanceof TimeoutException
                    ? "did not answer within " + HANDSHAKE_TIMEOUT.toSeconds() + " s"
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

    private void onEvent(Event event) {
        if (event instanceof TokenEvent token) {
            Pending handler = pending.get(token.id());
            if (handler instanceof Pending.Generation generation) {
                callbacks.execute(() -> generation.listener().onToken(token.text()));
            }
        } else if (event instanceof DoneEvent done) {
            Pending handler = pending.remove(done.id());
            if (handler instanceof Pending.Generation generation) {
                callbacks.execute(() -> generation.listener().onDone(done));
            }
        } else if (event instanceof ErrorEvent error) {
            onError(error);
        } else if (event instanceof LoadedEvent loaded) {
            onLoaded(loaded);
        } else if (event instanceof ModelsEvent models) {
            List<CachedModel> list = List.copyOf(models.models());
            notifyListeners(listener -> listener.onModels(list));
        } else if (event instanceof MemoryEvent memory) {
            notifyListeners(listener -> listener.onMemory(memory));
        }
    }

    private void onError(ErrorEvent error) {
        WorkerError failure = new WorkerError(error.code(), error.message());
        if (error.id() == null) {
            Logger.warn("Worker reported: {}", error.message());
            notifyListeners(listener -> listener.onWorkerError(failure));
            return;
        }
        fail(error.id(), failure);
    }

    private void onLoaded(LoadedEvent loaded) {
        Pending handler = pending.get(loaded.id());
        if (handler instanceof Pending.Load load) {
            pending.remove(loaded.id());
            callbacks.execute(() -> load.result().complete(loaded.loadMs()));
        } else if (handler instanceof Pending.Generation generation) {
            callbacks.execute(() -> generation.listener().onLoaded(loaded.loadMs()));
        }
    }

    private void onEnd(Process process) {
        if (connection == null || connection.process() != process) {
            return;
        }
        connection = null;
        pid = -1;
        String exit = exitCodeOf(process);
        if (closing) {
            Logger.info("Worker {} exited ({})", process.pid(), exit);
            setState(WorkerState.STOPPED, null);
            return;
        }
        Logger.error("Worker {} stopped unexpectedly ({})", process.pid(), exit);
        WorkerError crash = new WorkerError(ErrorCode.WORKER_CRASHED,
                "The model worker stopped unexpectedly (" + exit + "); "
                        + "your next message starts a new one.");
        List.copyOf(pending.keySet()).forEach(id -> fail(id, crash));
        notifyListeners(listener -> listener.onModels(List.of()));
        setState(WorkerState.FAILED, crash.message());
    }

    private void fail(String id, WorkerError error) {
        Pending handler = pending.remove(id);
        if (handler instanceof Pending.Generation generation) {
            callbacks.execute(() -> generation.listener().onError(error));
        } else if (handler instanceof Pending.Load load) {
            callbacks.execute(() -> load.result().completeExceptionally(
                    new WorkerException(error.code(), error.message())));
        }
    }

    private void cancelOnService(String id) {
        if (pending.containsKey(id)) {
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
        sendIfRunning(new ShutdownRequest(nextId("s")));
        worker.closeInput();
        try {
            if (!worker.process().waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                Logger.warn("Worker {} did not exit in {} s; killing it", worker.pid(),
                        EXIT_SECONDS);
                worker.kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.kill();
        }
    }

    private void killNow() {
        WorkerConnection worker = connection;
        if (worker != null && worker.process().isAlive()) {
            worker.kill();
        }
    }

    private void removeExitHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // The JVM is already exiting; the hook runs anyway and finds nothing to do.
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

    private static String exitCodeOf(Process process) {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                int code = process.exitValue();
                return code > 128 ? "signal " + (code - 128) : "exit code " + code;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "still running";
    }

    /** What the service waits on for each request id. */
    private sealed interface Pending {
        record Generation(GenerationListener listener) implements Pending {
        }

        record Load(CompletableFuture<Long> result) implements Pending {
        }
    }
}
