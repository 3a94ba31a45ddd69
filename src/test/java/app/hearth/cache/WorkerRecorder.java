package app.hearth.cache;

import app.hearth.protocol.CachedModel;
import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.MemoryEvent;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import app.hearth.testsupport.RecordingListener;
import app.hearth.workerclient.WorkerListener;
import app.hearth.workerclient.WorkerService;
import app.hearth.workerclient.WorkerState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Records what a {@link WorkerService} reports, for process tests: the cache, the highest
 * resident memory seen, and how long each reclaim took. Waits are on this object's monitor,
 * woken by every report, and every wait has a timeout that names what it awaited.
 */
final class WorkerRecorder implements WorkerListener {

    private List<CachedModel> models = List.of();
    private final List<Long> reclaimMs = new ArrayList<>();
    private long reclaimStartedNs;
    private long maxResident;
    private WorkerState state = WorkerState.STOPPED;

    @Override
    public synchronized void onStateChanged(WorkerState next, String message) {
        if (next == WorkerState.RECLAIMING) {
            reclaimStartedNs = System.nanoTime();
        } else if (next == WorkerState.READY && reclaimStartedNs > 0) {
            reclaimMs.add((System.nanoTime() - reclaimStartedNs) / 1_000_000);
            reclaimStartedNs = 0;
        }
        state = next;
        notifyAll();
    }

    @Override
    public synchronized void onModels(List<CachedModel> cached) {
        models = List.copyOf(cached);
        notifyAll();
    }

    @Override
    public synchronized void onMemory(MemoryEvent memory) {
        maxResident = Math.max(maxResident, memory.residentBytes());
        notifyAll();
    }

    synchronized List<CachedModel> models() {
        return models;
    }

    synchronized List<String> modelNames() {
        return models.stream().map(model -> Path.of(model.model()).getFileName().toString())
                .toList();
    }

    synchronized List<Long> reclaimMs() {
        return List.copyOf(reclaimMs);
    }

    synchronized long maxResident() {
        return maxResident;
    }

    synchronized void resetMaxResident() {
        maxResident = 0;
    }

    synchronized WorkerState state() {
        return state;
    }

    /** Waits until the condition holds, re-checking on every report. */
    synchronized void await(BooleanSupplier condition, long seconds, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new AssertionError("Timed out after " + seconds + " s waiting for "
                        + what + "; cache " + modelNames() + ", state " + state);
            }
            wait(left);
        }
    }

    /** Generates a few tokens with greedy sampling and returns the done event. */
    static DoneEvent generate(WorkerService worker, Path model, int tokens) throws Exception {
        RecordingListener reply = new RecordingListener();
        worker.generate(model.toString(), "Once upon a time", Sampling.greedy(tokens),
                ModelOptions.DEFAULT, List.of(), reply);
        return reply.outcome().get(120, TimeUnit.SECONDS);
    }

    /** The resident memory of a process, from /proc, in bytes. */
    static long residentOf(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("No VmRSS for process " + pid);
    }
}
