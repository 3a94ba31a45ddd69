package app.hearth.bench;

import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import app.hearth.workerclient.GenerationHandle;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerListener;
import app.hearth.workerclient.WorkerService;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The app's path to the engine without the window: a WorkerService and the real worker,
 * listeners called directly on the service thread (as on the command line).
 */
final class WorkerClient implements AutoCloseable {

    static final long TIMEOUT_SECONDS = 600;

    private final WorkerService service;

    WorkerClient() {
        this(WorkerLauncher.forThisInstallation(null));
    }

    WorkerClient(WorkerLauncher launcher) {
        this.service = new WorkerService(launcher, Runnable::run);
    }

    WorkerService service() {
        return service;
    }

    void addListener(WorkerListener listener) {
        service.addListener(listener);
    }

    /** A greedy reply, timed from the call to tokens as the listener receives them. */
    Generated generate(Path model, String prompt, int maxTokens) throws InterruptedException {
        TimedListener listener = new TimedListener(1);
        long started = System.nanoTime();
        start(model, prompt, maxTokens, listener);
        return listener.await(started, TIMEOUT_SECONDS);
    }

    GenerationHandle start(Path model, String prompt, int maxTokens, TimedListener listener) {
        return service.generate(model.toString(), prompt, Sampling.greedy(maxTokens),
                ModelOptions.DEFAULT, List.of(), listener);
    }

    /** Loads a model; returns the worker's load time in ms, 0 if it was cached. */
    long load(Path model) throws Exception {
        return service.load(model.toString(), ModelOptions.DEFAULT, false)
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The worker's process id; fails if no worker runs. */
    long pid() {
        return service.workerPid().orElseThrow(
                () -> new IllegalStateException("No worker is running"));
    }

    @Override
    public void close() {
        service.close();
    }
}
