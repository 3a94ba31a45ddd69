package app.hearth.chat.template;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextTrimmerTest {

    /** One token per character keeps the arithmetic readable. */
    private static final TokenCounter CHARS = String::length;

    private static final List<Turn> TURNS = List.of(
            Turn.user("aaaaaaaaaa"), Turn.assistant("bbbbbbbbbb"),
            Turn.user("cccccccccc"), Turn.assistant("dddddddddd"),
            Turn.user("eeeeeeeeee"));

    @Test
    void keepsEveryTurnWhenThePromptFits() throws ContextOverflowException {
        ContextTrimmer.Fitted fitted = ContextTrimmer.fit(PromptFamily.CHATML, "sys", TURNS,
                CHARS, 10_000);

        assertEquals(0, fitted.leftOut());
        assertTrue(fitted.prompt().text().contains("aaaaaaaaaa"));
    }

    @Test
    void leavesOutTheOldestTurnsButKeepsTheSystemPrompt() throws ContextOverflowException {
        int budget = CHARS.count(PromptFormatter.format(PromptFamily.CHATML, "sys",
                TURNS.subList(2, 5)).text());

        ContextTrimmer.Fitted fitted = ContextTrimmer.fit(PromptFamily.CHATML, "sys", TURNS,
                CHARS, budget);

        assertEquals(2, fitted.leftOut());
        assertTrue(fitted.prompt().text().startsWith("<|im_start|>system\nsys"));
        assertFalse(fitted.prompt().text().contains("bbbbbbbbbb"));
        assertTrue(fitted.prompt().text().contains("cccccccccc"));
    }

    @Test
    void countsTheReplySoFarInEveryCandidateAndKeepsIt() throws ContextOverflowException {
        String replyStart = "ffffffffff";
        SpecialTokenGuard guard = SpecialTokenGuard.of(PromptFamily.CHATML);
        int budget = CHARS.count(PromptFormatter.format(PromptFamily.CHATML, "sys",
                TURNS.subList(2, 5), guard, replyStart).text());

        ContextTrimmer.Fitted fitted = ContextTrimmer.fit(PromptFamily.CHATML, "sys", TURNS,
                replyStart, guard, CHARS, budget);

        assertEquals(2, fitted.leftOut());
        assertEquals(budget, fitted.tokens());
        assertTrue(fitted.prompt().text().endsWith("<|im_start|>assistant\n" + replyStart));
    }

    @Test
    void neverOpensThePromptWithAReply() throws ContextOverflowException {
        int budget = CHARS.count(PromptFormatter.format(PromptFamily.MISTRAL, "",
                TURNS.subList(2, 5)).text()) + 5;

        ContextTrimmer.Fitted fitted = ContextTrimmer.fit(PromptFamily.MISTRAL, "", TURNS,
                CHARS, budget);

        assertEquals(2, fitted.leftOut());
        assertTrue(fitted.prompt().text().startsWith("[INST] cccccccccc"));
    }

    @Test
    void keepsOnlyTheNewestMessageWhenNothingElseFits() throws ContextOverflowException {
        int budget = CHARS.count(PromptFormatter.format(PromptFamily.CHATML, "",
                TURNS.subList(4, 5)).text());

        ContextTrimmer.Fitted fitted = ContextTrimmer.fit(PromptFamily.CHATML, "", TURNS,
                CHARS, budget);

        assertEquals(4, fitted.leftOut());
    }

    @Test
    void saysSoWhenTheNewestMessageAloneIsTooLong() {
        List<Turn> turns = List.of(Turn.user("x".repeat(500)));

        ContextOverflowException overflow = assertThrows(ContextOverflowException.class,
                () -> ContextTrimmer.fit(PromptFamily.CHATML, "", turns, CHARS, 100));

        assertEquals(100, overflow.budgetTokens());
        assertTrue(overflow.messageTokens() > 500);
        assertTrue(overflow.getMessage().contains("too long"), overflow.getMessage());
    }

    @Test
    void findsWhereALongConversationFitsInAFewCounts() throws ContextOverflowException {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            turns.add(i % 2 == 0 ? Turn.user("question " + i) : Turn.assistant("answer " + i));
        }
        turns.add(Turn.user("last"));
        int budget = CHARS.count(PromptFormatter.format(PromptFamily.CHATML, "", turns
                .subList(370, turns.size())).text());
        List<String> counted = new ArrayList<>();

        ContextTrimmer.Fitted fitted = ContextTrimmer.fit(PromptFamily.CHATML, "", turns,
                text -> {
                    counted.add(text);
                    return text.length();
                }, budget);

        assertEquals(370, fitted.leftOut());
        assertTrue(counted.size() <= 10, counted.size() + " counts");
        String oneTurnLonger = PromptFormatter.format(PromptFamily.CHATML, "",
                turns.subList(368, turns.size())).text();
        assertTrue(counted.contains(fitted.prompt().text()));
        assertTrue(counted.contains(oneTurnLonger), "the neighbour that did not fit");
    }
}
