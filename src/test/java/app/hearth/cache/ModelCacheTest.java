package app.hearth.cache;

import app.hearth.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

class ModelCacheTest {

    private static final long MIB = 1 << 20;
    private static final ModelKey A = new ModelKey(Path.of("/models/a.gguf"), 512, 1);
    private static final ModelKey B = new ModelKey(Path.of("/models/b.gguf"), 512, 1);

    private final FakeLoader loader = new FakeLoader(true);
    private final List<String> freed = new CopyOnWriteArrayList<>();
    private final AtomicLong resident = new AtomicLong(100 * MIB);

    @Test
    void servesTwoModelsThatDoNotFitTogetherOneAfterTheOther() throws Exception {
        ModelCache<String> cache = cacheOf(loader, 300 * MIB);
        ModelCache.Lease<String> first = cache.acquire(A);

        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            try (ModelCache.Lease<String> lease = cache.acquire(B)) {
                return lease.model();
            } catch (ModelLoadException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitWaiters(cache);
        boolean loadedBeforeRelease = loader.loads.contains("b.gguf");
        first.close();
        String served = second.get(30, TimeUnit.SECONDS);

        assertFalse(loadedBeforeRelease, "b loaded while a was still generating");
        assertEquals("b.gguf", served);
        assertEquals(List.of("a.gguf", "b.gguf"), loader.loads);
        assertEquals(List.of("a.gguf evicted"), freed);
    }

    @Test
    void asksForAReclaimInsteadOfLoadingWhenFreeingKeepsTheMemory() throws Exception {
        FakeLoader leaking = new FakeLoader(false);
        ModelCache<String> cache = cacheOf(leaking, 300 * MIB);
        cache.acquire(A).close();

        ModelLoadException refused = assertThrows(ModelLoadException.class,
                () -> cache.acquire(B));

        assertEquals(ErrorCode.RETRY_AFTER_RECLAIM, refused.code());
        assertEquals(List.of("a.gguf"), leaking.loads);
        assertEquals(200 * MIB, cache.heldBytes());
        assertEquals(List.of(), cache.snapshot());
    }

    @Test
    void recordsTheResidentGrowthOfALoadAsMeasuredMemory() throws Exception {
        ModelCache<String> cache = cacheOf(loader, 1000 * MIB);
        loader.onLoad = () -> resident.addAndGet(180 * MIB);

        cache.acquire(A).close();

        CacheEntry entry = cache.find(A).orElseThrow();
        assertEquals(180 * MIB, entry.measuredBytes());
        assertEquals(200 * MIB, entry.estimatedBytes());
    }

    @Test
    void unloadsAGeneratingModelWhenItsReplyEnds() throws Exception {
        ModelCache<String> cache = cacheOf(loader, 1000 * MIB);
        ModelCache.Lease<String> lease = cache.acquire(A);

        int freedNow = cache.unload(A.path());
        lease.close();

        assertEquals(0, freedNow);
        assertEquals(List.of("a.gguf requested"), freed);
    }

    @Test
    void aBriefHoldShowsTheModelReadyYetKeepsItFromBeingFreed() throws Exception {
        ModelCache<String> cache = cacheOf(loader, 1000 * MIB);
        ModelCache.Lease<String> count = cache.acquire(A, ModelCache.Use.BRIEF);
        ModelCache.Lease<String> reply = cache.acquire(A);

        ModelState whileBoth = cache.find(A).orElseThrow().state();
        reply.close();
        ModelState whileCounting = cache.find(A).orElseThrow().state();
        int freedWhileHeld = cache.relieve(Long.MAX_VALUE);
        count.close();
        int freedAfter = cache.relieve(Long.MAX_VALUE);

        assertEquals(ModelState.GENERATING, whileBoth);
        assertEquals(ModelState.READY, whileCounting);
        assertEquals(0, freedWhileHeld);
        assertEquals(1, freedAfter);
    }

    private ModelCache<String> cacheOf(FakeLoader modelLoader, long budget) {
        ModelCache<String> cache = new ModelCache<>(modelLoader, (path, context) -> 200 * MIB,
                resident::get, System::currentTimeMillis, entries -> { },
                (entry, reason) -> freed.add(entry.key().path().getFileName() + " " + reason));
        cache.configure(budget, 0);
        return cache;
    }

    /** Waits until a thread waits on the cache's monitor for room. */
    private static void awaitWaiters(ModelCache<String> cache) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean waiting = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(thread -> thread.getState() == Thread.State.TIMED_WAITING
                            && List.of(thread.getStackTrace()).stream().anyMatch(frame ->
                            frame.getMethodName().equals("awaitRelease")));
            if (waiting) {
                return;
            }
            Thread.onSpinWait();
        }
        fail("Timed out after 30 s waiting for a load to wait for room");
    }

    private static final class FakeLoader implements ModelLoader<String> {
        final List<String> loads = new CopyOnWriteArrayList<>();
        final boolean returnsMemory;
        Runnable onLoad = () -> { };

        FakeLoader(boolean returnsMemory) {
            this.returnsMemory = returnsMemory;
        }

        @Override
        public String load(ModelKey key) {
            onLoad.run();
            String name = key.path().getFileName().toString();
            loads.add(name);
            return name;
        }

        @Override
        public void free(String model) {
        }

        @Override
        public boolean freeReturnsMemory() {
            return returnsMemory;
        }
    }
}
