package app.hearth.cache;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides which cached models to free, and whether a model may be loaded now. Pure: it sees
 * snapshots and numbers, never models, clocks or the system; thread-safe.
 *
 * <p>Only idle, unpinned models are ever chosen, least recently used first. A model with
 * users (generating) or still loading is never chosen; pinned ones only leave on request.
 */
public final class EvictionPolicy {

    /** What a load should do. */
    public sealed interface Decision permits Load, Reclaim, Wait, Refuse {
    }

    /** Free these models (maybe none), then load. */
    public record Load(List<ModelKey> evict) implements Decision {
    }

    /**
     * Free these models (maybe none), then give held memory back to the system before
     * loading: freeing does not return it (DESIGN.md §3), so a load now would overrun the
     * budget.
     */
    public record Reclaim(List<ModelKey> evict) implements Decision {
    }

    /** Models in use hold the room; try again when one is released. */
    public record Wait(long busyBytes) implements Decision {
    }

    /** The model can never fit; {@code message} is one sentence for people, with numbers. */
    public record Refuse(String message) implements Decision {
    }

    private EvictionPolicy() {
    }

    /**
     * Decides how to make room for a model.
     *
     * @param entries      the cache as it stands, in any order
     * @param name         the model's name, for messages
     * @param neededBytes  the model's estimate, in bytes
     * @param budgetBytes  what the cached models may take together, in bytes
     * @param heldBytes    memory of freed models not yet given back, in bytes
     * @param freeReturns  whether freeing a model gives its memory back at once
     */
    public static Decision makeRoom(List<CacheEntry> entries, String name, long neededBytes,
            long budgetBytes, long heldBytes, boolean freeReturns) {
        if (neededBytes > budgetBytes) {
            return new Refuse(name + " needs about " + mib(neededBytes) + ", more than the "
                    + "whole memory budget of " + mib(budgetBytes) + "; raise the budget or "
                    + "choose a smaller model.");
        }
        long pinned = entries.stream().filter(CacheEntry::pinned)
                .mapToLong(EvictionPolicy::bytesOf).sum();
        if (neededBytes + pinned > budgetBytes) {
            return new Refuse(name + " needs about " + mib(neededBytes) + " but pinned models "
                    + "take " + mib(pinned) + " of the " + mib(budgetBytes) + " budget; unpin "
                    + "a model or raise the budget.");
        }

        long used = entries.stream().mapToLong(EvictionPolicy::bytesOf).sum();
        List<ModelKey> evict = new ArrayList<>();
        long freed = 0;
        for (CacheEntry entry : evictable(entries)) {
            if (used - freed + neededBytes <= budgetBytes) {
                break;
            }
            evict.add(entry.key());
            freed += bytesOf(entry);
        }
        if (used - freed + neededBytes > budgetBytes) {
            return new Wait(used - freed);
        }
        if (freeReturns) {
            return new Load(evict);
        }
        boolean overrun = used + heldBytes + neededBytes > budgetBytes;
        return overrun ? new Reclaim(evict) : new Load(evict);
    }

    /**
     * The idle, unpinned models unused for at least {@code idleExpiryMs}; none if it is 0 or
     * less (never expire).
     */
    public static List<ModelKey> expired(List<CacheEntry> entries, long nowMs,
            long idleExpiryMs) {
        if (idleExpiryMs <= 0) {
            return List.of();
        }
        return evictable(entries).stream()
                .filter(entry -> nowMs - entry.lastUsedMs() >= idleExpiryMs)
                .map(CacheEntry::key)
                .toList();
    }

    /**
     * Idle, unpinned models, least recently used first, until they add up to {@code bytes};
     * fewer if there are not enough.
     */
    public static List<ModelKey> relieve(List<CacheEntry> entries, long bytes) {
        List<ModelKey> chosen = new ArrayList<>();
        long freed = 0;
        for (CacheEntry entry : evictable(entries)) {
            if (freed >= bytes) {
                break;
            }
            chosen.add(entry.key());
            freed += bytesOf(entry);
        }
        return chosen;
    }

    /** What an entry takes: its measured memory when known, else its estimate. */
    public static long bytesOf(CacheEntry entry) {
        return entry.measuredBytes() > 0 ? entry.measuredBytes() : entry.estimatedBytes();
    }

    private static List<CacheEntry> evictable(List<CacheEntry> entries) {
        return entries.stream()
                .filter(entry -> entry.state() == ModelState.READY && entry.users() == 0
                        && !entry.pinned())
                .sorted(Comparator.comparingLong(CacheEntry::lastUsedMs))
                .toList();
    }

    private static String mib(long bytes) {
        return (bytes + (1 << 19)) / (1 << 20) + " MiB";
    }
}
