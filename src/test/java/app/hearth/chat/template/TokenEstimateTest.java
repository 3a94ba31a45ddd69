package app.hearth.chat.template;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenEstimateTest {

    @Test
    void startsAtHalfATokenPerByte() {
        TokenEstimate estimate = new TokenEstimate();

        int tokens = estimate.count("x".repeat(1000));

        assertEquals(508, tokens);
    }

    @Test
    void learnsFromTheWorkersCountWithAMargin() {
        TokenEstimate estimate = new TokenEstimate();

        estimate.learn("y".repeat(1000), 250);

        assertEquals(0.2875, estimate.tokensPerByte(), 1e-9);
    }

    @Test
    void neverEstimatesAboveOneTokenPerByte() {
        TokenEstimate estimate = new TokenEstimate();

        estimate.learn("🐈".repeat(100), 400);

        assertEquals(TokenEstimate.WORST, estimate.tokensPerByte());
    }

    @Test
    void ignoresCountsOfVeryShortPrompts() {
        TokenEstimate estimate = new TokenEstimate();

        estimate.learn("hi", 1);

        assertEquals(TokenEstimate.START, estimate.tokensPerByte());
    }

    @Test
    void fallsBackToTheUpperBound() {
        TokenEstimate estimate = new TokenEstimate();
        estimate.learn("z".repeat(1000), 100);

        estimate.assumeWorst();

        assertTrue(estimate.count("abcd") >= 4);
        assertEquals(TokenEstimate.WORST, estimate.tokensPerByte());
    }
}
