package app.hearth.memory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PressurePolicyTest {

    private static final long BUDGET = 1000;
    private static final long TOTAL = 10_000;

    @Test
    void staysNormalWellWithinBudgetAndWithMemoryAvailable() {
        PressurePolicy policy = new PressurePolicy();

        PressurePolicy.Level level = policy.next(500, BUDGET, 8_000, TOTAL);

        assertEquals(PressurePolicy.Level.NORMAL, level);
    }

    @Test
    void becomesCriticalBeyondTheBudgetsTolerance() {
        PressurePolicy policy = new PressurePolicy();

        PressurePolicy.Level level = policy.next(1_200, BUDGET, 8_000, TOTAL);

        assertEquals(PressurePolicy.Level.CRITICAL, level);
    }

    @Test
    void becomesCriticalWhenTheSystemRunsOutWhateverTheBudget() {
        PressurePolicy policy = new PressurePolicy();

        PressurePolicy.Level level = policy.next(100, BUDGET, 500, TOTAL);

        assertEquals(PressurePolicy.Level.CRITICAL, level);
    }

    @Test
    void leavesALevelOnlyOnceTheSignalIsPastTheMargin() {
        PressurePolicy policy = new PressurePolicy();
        policy.next(1_010, BUDGET, 8_000, TOTAL);

        PressurePolicy.Level justBelow = policy.next(980, BUDGET, 8_000, TOTAL);
        PressurePolicy.Level wellBelow = policy.next(900, BUDGET, 8_000, TOTAL);

        assertEquals(PressurePolicy.Level.ELEVATED, justBelow);
        assertEquals(PressurePolicy.Level.NORMAL, wellBelow);
    }

    @Test
    void stepsDownFromCriticalThroughElevated() {
        PressurePolicy policy = new PressurePolicy();
        policy.next(100, BUDGET, 500, TOTAL);

        PressurePolicy.Level recovering = policy.next(100, BUDGET, 1_400, TOTAL);
        PressurePolicy.Level recovered = policy.next(100, BUDGET, 2_500, TOTAL);

        assertEquals(PressurePolicy.Level.ELEVATED, recovering);
        assertEquals(PressurePolicy.Level.NORMAL, recovered);
    }

    @Test
    void asksToRelieveEnoughToLeaveTheCriticalLevel() {
        long bytes = PressurePolicy.bytesToRelieve(1_300, BUDGET, 8_000, TOTAL);

        assertEquals(200, bytes);
    }

    @Test
    void asksToRelieveAtLeastOneByte() {
        long bytes = PressurePolicy.bytesToRelieve(0, BUDGET, 8_000, TOTAL);

        assertTrue(bytes >= 1);
    }
}
