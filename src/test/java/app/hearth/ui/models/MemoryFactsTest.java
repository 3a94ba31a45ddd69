package app.hearth.ui.models;

import app.hearth.memory.MemoryBudget;
import app.hearth.memory.ProcessMemory;
import app.hearth.models.FitVerdict;
import app.hearth.models.ModelCatalog;
import app.hearth.models.ModelEntry;
import app.hearth.protocol.CachedModel;
import app.hearth.protocol.MemoryEvent;
import app.hearth.testsupport.SharedModels;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryFactsTest {

    private static final long GIB = 1L << 30;

    private final ModelEntry stories = ModelCatalog.describe(SharedModels.stories());

    @Test
    void judgesAgainstTheDefaultBudgetUntilAWorkerReports() {
        MemoryFacts facts = MemoryFacts.NONE.withSystem(reading(16 * GIB, 12 * GIB));

        ModelRow row = facts.rowOf(stories);

        assertEquals(MemoryBudget.defaultFor(16 * GIB), facts.budgetBytes());
        assertEquals(FitVerdict.FITS, row.fit());
    }

    @Test
    void judgesAgainstTheWorkersBudgetOnceItReports() {
        long budget = stories.estimatedBytes() + stories.estimatedBytes() / 10;
        MemoryFacts facts = MemoryFacts.NONE.withSystem(reading(16 * GIB, 12 * GIB))
                .withMemory(gauges(budget, 12 * GIB));

        ModelRow row = facts.rowOf(stories);

        assertEquals(FitVerdict.TIGHT, row.fit());
    }

    @Test
    void marksACachedModelAndCountsItsOwnMemoryAsAvailableToIt() {
        long estimate = stories.estimatedBytes();
        CachedModel held = new CachedModel(stories.file().toString(), "ready", false, 10,
                estimate, 0, 2048, 2);
        MemoryFacts facts = MemoryFacts.NONE.withMemory(gauges(64 * GIB, estimate / 2))
                .withCached(List.of(held));

        ModelRow row = facts.rowOf(stories);

        assertTrue(row.isCached());
        assertEquals("loaded", row.statusText());
        assertEquals(FitVerdict.FITS, row.fit(), "half its size is free besides what it holds");
    }

    @Test
    void rebuildsRowsOnlyWhenTheBudgetOrAvailableMemoryMovesNoticeably() {
        MemoryFacts before = MemoryFacts.NONE.withMemory(gauges(8 * GIB, 10 * GIB));

        boolean small = before.withMemory(gauges(8 * GIB, 10 * GIB + GIB / 100))
                .movedFrom(before);
        boolean large = before.withMemory(gauges(8 * GIB, 7 * GIB)).movedFrom(before);
        boolean budget = before.withMemory(gauges(6 * GIB, 10 * GIB)).movedFrom(before);

        assertEquals(List.of(false, true, true), List.of(small, large, budget));
    }

    private static ProcessMemory.Reading reading(long total, long available) {
        return new ProcessMemory.Reading(-1, -1, -1, -1, total, available);
    }

    private static MemoryEvent gauges(long budget, long available) {
        return new MemoryEvent(0, 0, 0, 0, 32 * GIB, available, budget, "normal");
    }
}
