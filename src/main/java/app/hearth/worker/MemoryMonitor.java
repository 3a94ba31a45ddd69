package app.hearth.worker;

import app.hearth.cache.ModelCache;
import app.hearth.memory.ByteSize;
import app.hearth.memory.PressurePolicy;
import app.hearth.memory.ProcessMemory;
import app.hearth.protocol.MemoryEvent;
import app.hearth.protocol.RetireEvent;
import org.tinylog.Logger;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the worker's memory on its own thread: about once a second, and soon after every
 * cache change, it sends a {@link MemoryEvent}, expires idle models, and under critical
 * pressure frees idle models, least recently used first. Memory that freeing could not give
 * back is announced with a {@link RetireEvent}, so the UI replaces this worker when idle.
 */
final class MemoryMonitor implements AutoCloseable {

    static final long PERIOD_MS = 1000;
    /** Held memory worth a worker restart on its own, without a load waiting for it. */
    static final long RETIRE_THRESHOLD = 64L << 20;

    private final ProtocolWriter writer;
    private final ProcessMemory memory;
    private final PressurePolicy pressure = new PressurePolicy();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "memory-monitor");
                thread.setDaemon(true);
                return thread;
            });
    private volatile ModelCache<?> cache;
    // Owned by the timer thread.
    private long announcedHeld;

    MemoryMonitor(ProtocolWriter writer, ProcessMemory memory) {
        this.writer = writer;
        this.memory = memory;
    }

    /** Starts watching the cache. */
    void start(ModelCache<?> watched) {
        cache = watched;
        timer.scheduleWithFixedDelay(this::tick, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Sends fresh gauges soon, from the monitor thread. Any thread; returns at once. */
    void publishSoon() {
        if (cache != null && !timer.isShutdown()) {
            timer.execute(this::guarded);
        }
    }

    /** Asks to be retired now: a load waits for memory only a fresh worker has. Any thread. */
    void retireNow() {
        timer.execute(() -> announce(true));
    }

    /** Whether this worker holds memory worth a restart. */
    boolean retireWanted() {
        return cache != null && cache.heldBytes() >= RETIRE_THRESHOLD;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void tick() {
        try {
            cache.expire();
            PressurePolicy.Level level = publish();
            if (level == PressurePolicy.Level.CRITICAL) {
                relieve();
            }
            announce(false);
        } catch (RuntimeException e) {
            // A failed tick must not end the schedule; the next one tries again.
            Logger.error(e, "The memory monitor failed");
        }
    }

    private void guarded() {
        try {
            publish();
            announce(false);
        } catch (RuntimeException e) {
            Logger.error(e, "The memory monitor failed");
        }
    }

    private PressurePolicy.Level publish() {
        ProcessMemory.Reading reading = memory.read();
        long budget = cache.budgetBytes();
        PressurePolicy.Level level = pressure.next(usedBytes(reading), budget,
                reading.systemAvailableBytes(), reading.systemTotalBytes());
        writer.send(new MemoryEvent(reading.residentBytes(), reading.anonymousBytes(),
                reading.fileBackedBytes(), reading.heapUsedBytes(), reading.systemTotalBytes(),
                reading.systemAvailableBytes(), budget, level.wireName()));
        return level;
    }

    /**
     * Frees idle models while nothing is held yet: memory comes back only with the next
     * worker, so freeing more before then would empty the cache without any gain.
     */
    private void relieve() {
        if (cache.heldBytes() > 0) {
            return;
        }
        ProcessMemory.Reading reading = memory.read();
        long bytes = PressurePolicy.bytesToRelieve(usedBytes(reading), cache.budgetBytes(),
                reading.systemAvailableBytes(), reading.systemTotalBytes());
        int freed = cache.relieve(bytes);
        Logger.warn("Memory pressure is critical; freed {} idle model(s) to give back about {}",
                freed, ByteSize.format(bytes));
    }

    private void announce(boolean urgent) {
        long held = cache.heldBytes();
        // Once per growth of the held memory: the UI remembers that a retire is wanted.
        if (held > announcedHeld && (urgent || held >= RETIRE_THRESHOLD)) {
            announcedHeld = held;
            writer.send(new RetireEvent(held));
            Logger.info("Asked to be retired; {} held by freed models", ByteSize.format(held));
        }
    }

    private long usedBytes(ProcessMemory.Reading reading) {
        return reading.residentBytes() < 0 ? -1 : reading.residentBytes() - cache.heldBytes();
    }
}
