package app.hearth.cache;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The models a worker holds, with their state and last use. Thread-safe: generations on
 * several threads acquire and release models while the request loop loads and unloads.
 *
 * <p>Loads are serialized: a second load waits until the first is done, because two native
 * loads at once would only compete for the same memory and cores.
 *
 * @param <M> the loaded model
 */
public final class ModelCache<M> {

    private final ModelLoader<M> loader;
    private final LongSupplier clock;
    private final Consumer<List<CacheEntry>> onChange;
    private final Map<ModelKey, Slot<M>> slots = new LinkedHashMap<>();
    private final Object loadLock = new Object();

    /**
     * @param loader   loads and frees models
     * @param clock    milliseconds, for idle times
     * @param onChange called with a fresh snapshot, on the changing thread, after every change
     */
    public ModelCache(ModelLoader<M> loader, LongSupplier clock,
            Consumer<List<CacheEntry>> onChange) {
        this.loader = loader;
        this.clock = clock;
        this.onChange = onChange;
    }

    /**
     * Returns the model for the key, loading it first if needed, and counts one more user
     * until {@link Lease#close()}. A model with users is never freed.
     */
    public Lease<M> acquire(ModelKey key) throws ModelLoadException {
        Lease<M> cached = tryAcquireLoaded(key);
        if (cached != null) {
            return cached;
        }

        synchronized (loadLock) {
            cached = tryAcquireLoaded(key);
            if (cached != null) {
                return cached;
            }
            return loadAndAcquire(key);
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
        }
        changed();
        return true;
    }

    /**
     * Frees every cached model loaded from the file, once it has no users.
     *
     * @return the number of models freed now
     */
    public int unload(java.nio.file.Path path) {
        List<M> freed = new ArrayList<>();
        synchronized (this) {
            slots.entrySet().removeIf(entry -> {
                Slot<M> slot = entry.getValue();
                boolean idle = entry.getKey().path().equals(path) && slot.users == 0
                        && slot.model != null;
                if (idle) {
                    freed.add(slot.model);
                }
                return idle;
            });
        }
        freed.forEach(loader::free);
        if (!freed.isEmpty()) {
            changed();
        }
        return freed.size();
    }

    /** The cache as it stands, least recently used first. */
    public synchronized List<CacheEntry> snapshot() {
        List<CacheEntry> entries = new ArrayList<>();
        slots.forEach((key, slot) -> entries.add(slot.view(key)));
        entries.sort(Comparator.comparingLong(CacheEntry::lastUsedMs));
        return entries;
    }

    /** The entry for a key, if cached. */
    public synchronized Optional<CacheEntry> find(ModelKey key) {
        Slot<M> slot = slots.get(key);
        return slot == null ? Optional.empty() : Optional.of(slot.view(key));
    }

    private void changed() {
        onChange.accept(snapshot());
    }

    private Lease<M> tryAcquireLoaded(ModelKey key) {
        synchronized (this) {
            Slot<M> slot = slots.get(key);
            if (slot == null || slot.model == null) {
                return null;
            }
            slot.users++;
        }
        changed();
        return new Lease<>(this, key, slots.get(key).model, false);
    }

    private Lease<M> loadAndAcquire(ModelKey key) throws ModelLoadException {
        loader.check(key);
        Slot<M> slot = new Slot<>(clock.getAsLong());
        synchronized (this) {
            slots.put(key, slot);
        }
        changed();

        M model;
        try {
            model = loader.load(key);
        } catch (ModelLoadException | RuntimeException e) {
            synchronized (this) {
                slots.remove(key);
            }
            changed();
            throw e;
        }

        synchronized (this) {
            slot.model = model;
            slot.users = 1;
        }
        changed();
        return new Lease<>(this, key, model, true);
    }

    private void release(ModelKey key) {
        synchronized (this) {
            Slot<M> slot = slots.get(key);
            if (slot == null) {
                return;
            }
            slot.users--;
            slot.lastUsedMs = clock.getAsLong();
        }
        changed();
    }

    /** One user's hold on a cached model; closing it releases the hold. */
    public static final class Lease<M> implements AutoCloseable {

        private final ModelCache<M> cache;
        private final ModelKey key;
        private final M model;
        private final boolean loadedNow;
        private boolean closed;

        private Lease(ModelCache<M> cache, ModelKey key, M model, boolean loadedNow) {
            this.cache = cache;
            this.key = key;
            this.model = model;
            this.loadedNow = loadedNow;
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
                cache.release(key);
            }
        }
    }

    private static final class Slot<M> {
        M model;
        int users;
        boolean pinned;
        long lastUsedMs;

        Slot(long now) {
            this.lastUsedMs = now;
        }

        CacheEntry view(ModelKey key) {
            ModelState state = model == null ? ModelState.LOADING
                    : users > 0 ? ModelState.GENERATING : ModelState.READY;
            return new CacheEntry(key, state, pinned, users, lastUsedMs, 0, 0);
        }
    }
}
