package app.hearth.cache;

import app.hearth.protocol.ErrorCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The models a worker holds, with their state, last use and memory. Thread-safe: generations
 * on several threads acquire and release models while the request loop loads and unloads and
 * the memory monitor expires and relieves.
 *
 * <p>Loads are serialized: a second load waits until the first is done, because two native
 * loads at once would only compete for the same memory and cores. Before a load the
 * {@link EvictionPolicy} decides, within the memory budget, which idle models to free; a load
 * that only models in use stand in the way of waits until one is released.
 *
 * @param <M> the loaded model
 */
public final class ModelCache<M> {

    /** How long a load waits for models in use to make room, in ms. */
    static final long ROOM_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(10);

    private final ModelLoader<M> loader;
    private final ModelSizer sizer;
    private final LongSupplier residentBytes;
    private final LongSupplier clock;
    private final Consumer<List<CacheEntry>> onChange;
    private final FreeListener onFreed;
    private final Map<ModelKey, Slot<M>> slots = new LinkedHashMap<>();
    private final Object loadLock = new Object();

    // Guarded by this.
    private long budgetBytes = Long.MAX_VALUE;
    private long idleExpiryMs;
    private long heldBytes;

    /** Told about every model the cache frees. */
    @FunctionalInterface
    public interface FreeListener {

        /**
         * Called on the freeing thread after the model was freed.
         *
         * @param entry  the model as it was just before
         * @param reason {@code requested}, {@code evicted}, {@code expired} or {@code pressure}
         */
        void freed(CacheEntry entry, String reason);
    }

    /**
     * A cache without a budget or sizes, for callers that do not manage memory.
     *
     * @param loader   loads and frees models
     * @param clock    milliseconds, for idle times
     * @param onChange called with a fresh snapshot, on the changing thread, after every change
     */
    public ModelCache(ModelLoader<M> loader, LongSupplier clock,
            Consumer<List<CacheEntry>> onChange) {
        this(loader, (model, context) -> 0, () -> -1, clock, onChange, (entry, reason) -> { });
    }

    /**
     * @param loader        loads and frees models
     * @param sizer         estimates a model's memory before its load
     * @param residentBytes the process's resident memory in bytes, -1 if unknown; read around
     *                      each load to measure what the model took
     * @param clock         milliseconds, for idle times
     * @param onChange      called with a fresh snapshot, on the changing thread, after every
     *                      change
     * @param onFreed       called for every freed model, on the freeing thread
     */
    public ModelCache(ModelLoader<M> loader, ModelSizer sizer, LongSupplier residentBytes,
            LongSupplier clock, Consumer<List<CacheEntry>> onChange, FreeListener onFreed) {
        this.loader = loader;
        this.sizer = sizer;
        this.residentBytes = residentBytes;
        this.clock = clock;
        this.onChange = onChange;
        this.onFreed = onFreed;
    }

    /**
     * Sets the memory policy.
     *
     * @param budget     bytes the cached models may take together; 0 or less keeps the budget
     * @param idleExpiry ms an unused model stays; 0 = forever, negative keeps the value
     */
    public synchronized void configure(long budget, long idleExpiry) {
        if (budget > 0) {
            budgetBytes = budget;
        }
        if (idleExpiry >= 0) {
            idleExpiryMs = idleExpiry;
        }
        notifyAll();
    }

    /** The budget in bytes; {@code Long.MAX_VALUE} until one is set. */
    public synchronized long budgetBytes() {
        return budgetBytes;
    }

    /** The idle expiry in ms; 0 = never. */
    public synchronized long idleExpiryMs() {
        return idleExpiryMs;
    }

    /**
     * Memory of freed models that the loader could not give back, in bytes; it comes back only
     * when the process ends (DESIGN.md §3).
     */
    public synchronized long heldBytes() {
        return heldBytes;
    }

    /**
     * Returns the model for the key, loading it first if needed, and counts one more user
     * until {@link Lease#close()}. A model with users is never freed.
     *
     * @throws ModelLoadException when the model cannot be loaded; with code
     *         {@link ErrorCode#RETRY_AFTER_RECLAIM} when this process must give memory back
     *         first, and {@link ErrorCode#MODEL_TOO_LARGE} when it can never fit
     */
    public Lease<M> acquire(ModelKey key) throws ModelLoadException {
        return acquire(key, Use.GENERATION);
    }

    /**
     * As {@link #acquire(ModelKey)}, for a use of the given kind: only a generation shows the
     * model as generating; a load or a token count holds it as firmly but briefly.
     */
    public Lease<M> acquire(ModelKey key, Use use) throws ModelLoadException {
        Lease<M> cached = tryAcquireLoaded(key, use);
        if (cached != null) {
            return cached;
        }

        synchronized (loadLock) {
            cached = tryAcquireLoaded(key, use);
            if (cached != null) {
                return cached;
            }
            loader.check(key);
            long estimate = Math.max(1, sizer.estimateBytes(key.path(), key.contextSize()));
            makeRoom(key, estimate);
            return loadAndAcquire(key, estimate, use);
        }
    }

    /** Pins or unpins a cached model; returns false if it is not cached. */
    public boolean setPinned(ModelKey key, boolean pinned) {
        synchronized (this) {
            Slot<M> slot = slots.get(key);
            if (slot == null) {
                return false;
            }
            slot.pinned = pinned;
            notifyAll();
        }
        changed();
        return true;
    }

    /** Pins or unpins every cached model of the file; returns how many there were. */
    public int setPinned(Path path, boolean pinned) {
        int count = 0;
        for (CacheEntry entry : snapshot()) {
            if (entry.key().path().equals(path) && setPinned(entry.key(), pinned)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Frees every cached model loaded from the file once it has no users: idle ones now, the
     * others when their last user releases them.
     *
     * @return the number of models freed now
     */
    public int unload(Path path) {
        List<ModelKey> idle = new ArrayList<>();
        synchronized (this) {
            slots.forEach((key, slot) -> {
                if (key.path().equals(path) && slot.model != null) {
                    if (slot.users == 0) {
                        idle.add(key);
                    } else {
                        slot.unloadWhenIdle = true;
                    }
                }
            });
        }
        return free(idle, "requested");
    }

    /** Frees the idle, unpinned models unused for longer than the idle expiry. */
    public int expire() {
        List<ModelKey> expired;
        synchronized (this) {
            expired = EvictionPolicy.expired(entriesLocked(), clock.getAsLong(), idleExpiryMs);
        }
        return free(expired, "expired");
    }

    /**
     * Frees idle, unpinned models, least recently used first, until about {@code bytes} are
     * freed.
     */
    public int relieve(long bytes) {
        List<ModelKey> chosen;
        synchronized (this) {
            chosen = EvictionPolicy.relieve(entriesLocked(), bytes);
        }
        return free(chosen, "pressure");
    }

    /** The cache as it stands, least recently used first. */
    public synchronized List<CacheEntry> snapshot() {
        List<CacheEntry> entries = entriesLocked();
        entries.sort(Comparator.comparingLong(CacheEntry::lastUsedMs));
        return entries;
    }

    /** The entry for a key, if cached. */
    public synchronized Optional<CacheEntry> find(ModelKey key) {
        Slot<M> slot = slots.get(key);
        return slot == null ? Optional.empty() : Optional.of(slot.view(key));
    }

    private List<CacheEntry> entriesLocked() {
        List<CacheEntry> entries = new ArrayList<>();
        slots.forEach((key, slot) -> entries.add(slot.view(key)));
        return entries;
    }

    private void changed() {
        onChange.accept(snapshot());
    }

    /** Called with the load lock held; returns once the model may be loaded. */
    private void makeRoom(ModelKey key, long estimate) throws ModelLoadException {
        String name = String.valueOf(key.path().getFileName());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ROOM_TIMEOUT_MS);
        EvictionPolicy.Decision decision;
        synchronized (this) {
            while (true) {
                decision = EvictionPolicy.makeRoom(entriesLocked(), name, estimate, budgetBytes,
                        heldBytes, loader.freeReturnsMemory());
                if (!(decision instanceof EvictionPolicy.Wait)) {
                    break;
                }
                awaitRelease(deadline, name);
            }
        }

        if (decision instanceof EvictionPolicy.Refuse refuse) {
            throw new ModelLoadException(ErrorCode.MODEL_TOO_LARGE, refuse.message());
        }
        if (decision instanceof EvictionPolicy.Load load) {
            free(load.evict(), "evicted");
        } else if (decision instanceof EvictionPolicy.Reclaim reclaim) {
            free(reclaim.evict(), "evicted");
            throw new ModelLoadException(ErrorCode.RETRY_AFTER_RECLAIM, "The worker must give "
                    + "memory back before it can load " + name + "; a fresh worker will.");
        }
    }

    private void awaitRelease(long deadline, String name) throws ModelLoadException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new ModelLoadException(ErrorCode.MODEL_TOO_LARGE, "Models in use left no "
                    + "room for " + name + " for " + ROOM_TIMEOUT_MS / 60_000 + " minutes; "
                    + "stop a reply or raise the memory budget.");
        }
        try {
            wait(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelLoadException(ErrorCode.INTERNAL, "The load of " + name
                    + " was interrupted while waiting for room.");
        }
    }

    private int free(List<ModelKey> keys, String reason) {
        List<CacheEntry> entries = new ArrayList<>();
        List<M> models = new ArrayList<>();
        synchronized (this) {
            for (ModelKey key : keys) {
                Slot<M> slot = slots.get(key);
                if (slot == null || slot.model == null || slot.users > 0) {
                    continue;
                }
                slots.remove(key);
                CacheEntry entry = slot.view(key);
                entries.add(entry);
                models.add(slot.model);
                if (!loader.freeReturnsMemory()) {
                    heldBytes += EvictionPolicy.bytesOf(entry);
                }
            }
            notifyAll();
        }
        for (int i = 0; i < models.size(); i++) {
            loader.free(models.get(i));
            onFreed.freed(entries.get(i), reason);
        }
        if (!models.isEmpty()) {
            changed();
        }
        return models.size();
    }

    private Lease<M> tryAcquireLoaded(ModelKey key, Use use) {
        M model;
        synchronized (this) {
            Slot<M> slot = slots.get(key);
            if (slot == null || slot.model == null) {
                return null;
            }
            slot.hold(use);
            model = slot.model;
        }
        if (use == Use.GENERATION) {
            changed();
        }
        return new Lease<>(this, key, model, false, use);
    }

    private Lease<M> loadAndAcquire(ModelKey key, long estimate, Use use)
            throws ModelLoadException {
        Slot<M> slot = new Slot<>(clock.getAsLong(), estimate);
        synchronized (this) {
            slots.put(key, slot);
        }
        changed();

        long before = residentBytes.getAsLong();
        M model;
        try {
            model = loader.load(key);
        } catch (ModelLoadException | RuntimeException e) {
            synchronized (this) {
                slots.remove(key);
                notifyAll();
            }
            changed();
            throw e;
        }
        long after = residentBytes.getAsLong();

        synchronized (this) {
            slot.model = model;
            slot.hold(use);
            slot.measuredBytes = before >= 0 && after >= 0 ? Math.max(0, after - before) : 0;
        }
        changed();
        return new Lease<>(this, key, model, true, use);
    }

    private void release(ModelKey key, Use use) {
        boolean unloadNow;
        synchronized (this) {
            Slot<M> slot = slots.get(key);
            if (slot == null) {
                return;
            }
            slot.let(use);
            slot.lastUsedMs = clock.getAsLong();
            unloadNow = slot.users == 0 && slot.unloadWhenIdle;
            notifyAll();
        }
        if (unloadNow) {
            free(List.of(key), "requested");
        } else {
            changed();
        }
    }

    /** What a hold on a model is for. */
    public enum Use {
        /** A reply streams from the model: it shows as generating. */
        GENERATION,
        /** A load, or a count of tokens: the model must stay, but nothing shows. */
        BRIEF
    }

    /** One user's hold on a cached model; closing it releases the hold. */
    public static final class Lease<M> implements AutoCloseable {

        private final ModelCache<M> cache;
        private final ModelKey key;
        private final M model;
        private final boolean loadedNow;
        private final Use use;
        private boolean closed;

        private Lease(ModelCache<M> cache, ModelKey key, M model, boolean loadedNow, Use use) {
            this.cache = cache;
            this.key = key;
            this.model = model;
            this.loadedNow = loadedNow;
            this.use = use;
        }

        /** The loaded model; valid until this lease is closed. */
        public M model() {
            return model;
        }

        /** Whether this acquire loaded the model rather than finding it cached. */
        public boolean loadedNow() {
            return loadedNow;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                cache.release(key, use);
            }
        }
    }

    private static final class Slot<M> {
        final long estimatedBytes;
        M model;
        int users;
        int generations;
        boolean pinned;
        boolean unloadWhenIdle;
        long lastUsedMs;
        long measuredBytes;

        Slot(long now, long estimatedBytes) {
            this.lastUsedMs = now;
            this.estimatedBytes = estimatedBytes;
        }

        void hold(Use use) {
            users++;
            if (use == Use.GENERATION) {
                generations++;
            }
        }

        void let(Use use) {
            users--;
            if (use == Use.GENERATION) {
                generations--;
            }
        }

        CacheEntry view(ModelKey key) {
            ModelState state = model == null ? ModelState.LOADING
                    : generations > 0 ? ModelState.GENERATING : ModelState.READY;
            return new CacheEntry(key, state, pinned, users, lastUsedMs, estimatedBytes,
                    measuredBytes);
        }
    }
}
