package app.hearth.ui.models;

import app.hearth.memory.MemoryBudget;
import app.hearth.memory.ProcessMemory;
import app.hearth.models.FitVerdict;
import app.hearth.models.ModelEntry;
import app.hearth.protocol.CachedModel;
import app.hearth.protocol.MemoryEvent;

import java.nio.file.Path;
import java.util.List;

/**
 * What the picker knows about memory: the worker's latest gauges and cache, or, before a
 * worker reports, the system's own reading and the budget a worker would start with. Turns
 * model entries into table rows. Immutable.
 *
 * @param memory the worker's latest gauges; null until one arrives
 * @param system the system's reading from the latest scan; null before the first
 * @param cached the worker's cache as last reported; never null
 */
record MemoryFacts(MemoryEvent memory, ProcessMemory.Reading system, List<CachedModel> cached) {

    static final MemoryFacts NONE = new MemoryFacts(null, null, List.of());

    MemoryFacts withMemory(MemoryEvent event) {
        return new MemoryFacts(event, system, cached);
    }

    MemoryFacts withSystem(ProcessMemory.Reading reading) {
        return new MemoryFacts(memory, reading, cached);
    }

    MemoryFacts withCached(List<CachedModel> models) {
        return new MemoryFacts(memory, system, List.copyOf(models));
    }

    /** The worker's budget in bytes, or the default one while no worker has reported. */
    long budgetBytes() {
        if (memory != null && memory.budgetBytes() > 0) {
            return memory.budgetBytes();
        }
        return MemoryBudget.defaultFor(system == null ? -1 : system.systemTotalBytes());
    }

    /** What the system can still give, in bytes; -1 when unknown. */
    long availableBytes() {
        if (memory != null && memory.systemAvailableBytes() >= 0) {
            return memory.systemAvailableBytes();
        }
        return system == null ? -1 : system.systemAvailableBytes();
    }

    /** The table row of an entry: whether the worker holds it and whether it fits. */
    ModelRow rowOf(ModelEntry entry) {
        CachedModel held = cached.stream()
                .filter(model -> entry.file().equals(Path.of(model.model()).normalize()))
                .findFirst().orElse(null);
        long own = held == null ? 0 : bytesOf(held);
        long others = cached.stream().mapToLong(MemoryFacts::bytesOf).sum() - own;
        long available = availableBytes();
        // A loaded model already holds its memory, so what is available counts it as its own.
        FitVerdict fit = FitVerdict.judge(entry.estimatedBytes(), budgetBytes(),
                available < 0 ? -1 : available + own, others);
        return new ModelRow(entry, held == null ? null : held.state(), fit);
    }

    /** Whether new gauges change a verdict enough to rebuild the rows. */
    boolean movedFrom(MemoryFacts before) {
        if (before.budgetBytes() != budgetBytes()) {
            return true;
        }
        long was = before.availableBytes();
        long now = availableBytes();
        return (was < 0) != (now < 0) || Math.abs(now - was) > Math.max(was, now) / 20;
    }

    private static long bytesOf(CachedModel model) {
        return Math.max(model.estimatedBytes(), model.measuredBytes());
    }
}
