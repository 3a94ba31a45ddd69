package app.hearth.models;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FitVerdictTest {

    private static final long GIB = 1L << 30;

    @Test
    void fitsWithRoomToSpareInBudgetAndSystem() {
        FitVerdict verdict = FitVerdict.judge(GIB, 8 * GIB, 16 * GIB, 0);

        assertEquals(FitVerdict.FITS, verdict);
    }

    @Test
    void isTightAboveEightyPercentOfTheBudget() {
        FitVerdict verdict = FitVerdict.judge(7 * GIB, 8 * GIB, 64 * GIB, 0);

        assertEquals(FitVerdict.TIGHT, verdict);
    }

    @Test
    void isTightWhenItWouldPushOtherCachedModelsOut() {
        FitVerdict verdict = FitVerdict.judge(3 * GIB, 8 * GIB, 64 * GIB, 6 * GIB);

        assertEquals(FitVerdict.TIGHT, verdict);
    }

    @Test
    void isTightAboveEightyPercentOfAvailableMemory() {
        FitVerdict verdict = FitVerdict.judge(3 * GIB, 16 * GIB, 3 * GIB + GIB / 2, 0);

        assertEquals(FitVerdict.TIGHT, verdict);
    }

    @Test
    void doesNotFitWhenLargerThanTheWholeBudget() {
        FitVerdict verdict = FitVerdict.judge(9 * GIB, 8 * GIB, 64 * GIB, 0);

        assertEquals(FitVerdict.DOES_NOT_FIT, verdict);
    }

    @Test
    void doesNotFitWhenTheSystemLacksItEvenWithOtherModelsFreed() {
        FitVerdict verdict = FitVerdict.judge(6 * GIB, 16 * GIB, 3 * GIB, 2 * GIB);

        assertEquals(FitVerdict.DOES_NOT_FIT, verdict);
    }

    @Test
    void countsMemoryOtherModelsWouldGiveBackAsAvailable() {
        FitVerdict verdict = FitVerdict.judge(4 * GIB, 16 * GIB, 3 * GIB, 2 * GIB);

        assertEquals(FitVerdict.TIGHT, verdict);
    }

    @Test
    void judgesByTheBudgetAloneWhenAvailableMemoryIsUnknown() {
        FitVerdict fits = FitVerdict.judge(GIB, 8 * GIB, -1, 0);
        FitVerdict tooBig = FitVerdict.judge(9 * GIB, 8 * GIB, -1, 0);

        assertEquals(FitVerdict.FITS, fits);
        assertEquals(FitVerdict.DOES_NOT_FIT, tooBig);
    }

    @Test
    void isUnknownForABadFileOrWhenNothingIsKnownAboutMemory() {
        FitVerdict badFile = FitVerdict.judge(-1, 8 * GIB, 16 * GIB, 0);
        FitVerdict noFacts = FitVerdict.judge(GIB, 0, -1, 0);

        assertEquals(FitVerdict.UNKNOWN, badFile);
        assertEquals(FitVerdict.UNKNOWN, noFacts);
    }

    @Test
    void labelsVerdictsForPeople() {
        assertEquals("fits", FitVerdict.FITS.label());
        assertEquals("tight", FitVerdict.TIGHT.label());
        assertEquals("does not fit", FitVerdict.DOES_NOT_FIT.label());
    }
}
