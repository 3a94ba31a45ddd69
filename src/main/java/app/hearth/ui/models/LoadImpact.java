package app.hearth.ui.models;

import app.hearth.cache.CacheEntry;
import app.hearth.cache.EvictionPolicy;
import app.hearth.cache.ModelKey;
import app.hearth.cache.ModelState;
import app.hearth.models.ModelEntry;
import app.hearth.protocol.CachedModel;

import java.nio.file.Path;
import java.util.List;

/**
 * Says which cached models loading a model would push out, with the worker's own
 * {@link EvictionPolicy} applied to the cache as last reported. Pure.
 */
final class LoadImpact {

    private LoadImpact() {
    }

    /**
     * One or two sentences for people.
     *
     * @param entry       the model to load
     * @param cached      the worker's cache as last reported
     * @param budgetBytes the worker's budget; 0 or less when unknown
     */
    static String describe(ModelEntry entry, List<CachedModel> cached, long budgetBytes) {
        if (!entry.readable()) {
            return "This file cannot be loaded: " + entry.problem();
        }
        if (cached.stream().anyMatch(model -> entry.file().equals(pathOf(model)))) {
            return "Already loaded; using it pushes no other model out.";
        }
        if (budgetBytes <= 0) {
            return "The memory budget is not known yet.";
        }

        List<CacheEntry> entries = cached.stream().map(LoadImpact::entryOf).toList();
        EvictionPolicy.Decision decision = EvictionPolicy.makeRoom(entries, entry.fileName(),
                entry.estimatedBytes(), budgetBytes, 0, true);
        if (decision instanceof EvictionPolicy.Refuse refuse) {
            return refuse.message();
        }
        if (decision instanceof EvictionPolicy.Wait) {
            return "Models that are answering hold the room; it would load once they finish.";
        }
        List<ModelKey> evict = decision instanceof EvictionPolicy.Load load ? load.evict()
                : ((EvictionPolicy.Reclaim) decision).evict();
        if (evict.isEmpty()) {
            return cached.isEmpty() ? "Nothing else is loaded."
                    : "Loading it pushes no cached model out.";
        }
        return "Loading it would push out " + String.join(", ", evict.stream()
                .map(key -> String.valueOf(key.path().getFileName())).toList()) + ".";
    }

    private static CacheEntry entryOf(CachedModel model) {
        ModelState state = stateOf(model.state());
        ModelKey key = new ModelKey(pathOf(model), Math.max(1, model.contextSize()), 1);
        // Only the order of last use matters to the policy, so idle time stands in for a clock.
        return new CacheEntry(key, state, model.pinned(), state == ModelState.GENERATING ? 1 : 0,
                -model.idleMs(), model.estimatedBytes(), model.measuredBytes());
    }

    private static ModelState stateOf(String wireName) {
        for (ModelState state : ModelState.values()) {
            if (state.wireName().equals(wireName)) {
                return state;
            }
        }
        // A state this version does not know: treat the model as busy, never as evictable.
        return ModelState.LOADING;
    }

    private static Path pathOf(CachedModel model) {
        return Path.of(model.model()).toAbsolutePath().normalize();
    }
}
