package app.hearth.cache;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvictionPolicyTest {

    private static final long MIB = 1 << 20;

    @Test
    void evictsLeastRecentlyUsedIdleModelWhenOverBudget() {
        List<CacheEntry> cache = List.of(idle("b", 200, 2_000), idle("a", 200, 1_000));

        EvictionPolicy.Decision decision =
                EvictionPolicy.makeRoom(cache, "c", 200 * MIB, 500 * MIB, 0, true);

        assertEquals(new EvictionPolicy.Load(List.of(key("a"))), decision);
    }

    @Test
    void loadsWithoutEvictingWhenTheModelFits() {
        List<CacheEntry> cache = List.of(idle("a", 200, 1_000));

        EvictionPolicy.Decision decision =
                EvictionPolicy.makeRoom(cache, "b", 200 * MIB, 500 * MIB, 0, false);

        assertEquals(new EvictionPolicy.Load(List.of()), decision);
    }

    @Test
    void evictsAsManyModelsAsTheRoomNeeds() {
        List<CacheEntry> cache = List.of(idle("a", 100, 1), idle("b", 100, 2),
                idle("c", 100, 3));

        EvictionPolicy.Decision decision =
                EvictionPolicy.makeRoom(cache, "d", 250 * MIB, 350 * MIB, 0, true);

        assertEquals(new EvictionPolicy.Load(List.of(key("a"), key("b"))), decision);
    }

    @Test
    void neverEvictsAPinnedModel() {
        List<CacheEntry> cache = List.of(pinned("old", 200, 1), idle("newer", 200, 2));

        EvictionPolicy.Decision decision =
                EvictionPolicy.makeRoom(cache, "c", 200 * MIB, 500 * MIB, 0, true);

        assertEquals(new EvictionPolicy.Load(List.of(key("newer"))), decision);
    }

    @Test
    void neverEvictsAGeneratingModelButWaitsForIt() {
        List<CacheEntry> cache = List.of(generating("busy", 300, 1));

        EvictionPolicy.Decision decision =
                EvictionPolicy.makeRoom(cache, "b", 300 * MIB, 500 * MIB, 0, true);

        assertInstanceOf(EvictionPolicy.Wait.class, decision);
    }

    @Test
    void refusesAModelLargerThanTheWholeBudgetWithTheNumbers() {
        EvictionPolicy.Decision decision =
                EvictionPolicy.makeRoom(List.of(), "huge.gguf", 900 * MIB, 500 * MIB, 0, true);

        EvictionPolicy.Refuse refuse = assertInstanceOf(EvictionPolicy.Refuse.class, decision);
        assertTrue(refuse.message().contains("huge.gguf needs about 900 MiB"), refuse.message());
        assertTrue(refuse.message().contains("budget of 500 MiB"), refuse.message());
    }

    @Test
    void refusesAModelThatCannotFitBesidePinnedModels() {
        List<CacheEntry> cache = List.of(pinned("kept", 300, 1));

        EvictionPolicy.Decision decision =
                EvictionPolicy.makeRoom(cache, "b", 300 * MIB, 500 * MIB, 0, true);

        EvictionPolicy.Refuse refuse = assertInstanceOf(EvictionPolicy.Refuse.class, decision);
        assertTrue(refuse.message().contains("pinned models take 300 MiB"), refuse.message());
    }

    @Test
    void asksForAReclaimWhenFreedMemoryWouldNotComeBack() {
        List<CacheEntry> cache = List.of(idle("a", 200, 1), idle("b", 200, 2));

        EvictionPolicy.Decision decision =
                EvictionPolicy.makeRoom(cache, "c", 200 * MIB, 500 * MIB, 0, false);

        assertEquals(new EvictionPolicy.Reclaim(List.of(key("a"))), decision);
    }

    @Test
    void asksForAReclaimWhenHeldMemoryLeavesNoRoom() {
        List<CacheEntry> cache = List.of(idle("b", 200, 2));

        EvictionPolicy.Decision decision =
                EvictionPolicy.makeRoom(cache, "c", 200 * MIB, 500 * MIB, 200 * MIB, false);

        assertEquals(new EvictionPolicy.Reclaim(List.of()), decision);
    }

    @Test
    void prefersMeasuredMemoryOverTheEstimate() {
        CacheEntry measured = new CacheEntry(key("a"), ModelState.READY, false, 0, 1,
                100 * MIB, 300 * MIB);

        EvictionPolicy.Decision decision =
                EvictionPolicy.makeRoom(List.of(measured), "b", 250 * MIB, 500 * MIB, 0, true);

        assertEquals(new EvictionPolicy.Load(List.of(key("a"))), decision);
    }

    @Test
    void expiresIdleUnpinnedModelsUnusedForTheExpiry() {
        List<CacheEntry> cache = List.of(idle("old", 10, 1_000), idle("recent", 10, 9_000),
                pinned("pinned", 10, 0), generating("busy", 10, 0));

        List<ModelKey> expired = EvictionPolicy.expired(cache, 10_000, 5_000);

        assertEquals(List.of(key("old")), expired);
    }

    @Test
    void neverExpiresWhenTheExpiryIsZero() {
        List<CacheEntry> cache = List.of(idle("old", 10, 0));

        List<ModelKey> expired = EvictionPolicy.expired(cache, 1_000_000, 0);

        assertEquals(List.of(), expired);
    }

    @Test
    void relievesPressureLeastRecentlyUsedFirstUntilEnoughIsFreed() {
        List<CacheEntry> cache = List.of(idle("c", 100, 3), idle("a", 100, 1),
                generating("busy", 100, 0), idle("b", 100, 2));

        List<ModelKey> chosen = EvictionPolicy.relieve(cache, 150 * MIB);

        assertEquals(List.of(key("a"), key("b")), chosen);
    }

    private static ModelKey key(String name) {
        return new ModelKey(Path.of("/models", name), 2048, 2);
    }

    private static CacheEntry idle(String name, long mib, long lastUsed) {
        return new CacheEntry(key(name), ModelState.READY, false, 0, lastUsed, mib * MIB, 0);
    }

    private static CacheEntry pinned(String name, long mib, long lastUsed) {
        return new CacheEntry(key(name), ModelState.READY, true, 0, lastUsed, mib * MIB, 0);
    }

    private static CacheEntry generating(String name, long mib, long lastUsed) {
        return new CacheEntry(key(name), ModelState.GENERATING, false, 1, lastUsed, mib * MIB,
                0);
    }
}
