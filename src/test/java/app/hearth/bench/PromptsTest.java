package app.hearth.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class PromptsTest {

    /** Counts words, as a tokenizer with one token per word would. */
    private static int words(String text) {
        return text.split(" ").length;
    }

    @Test
    void buildsAPromptOfExactlyTheReferenceTokenCount() {
        String prompt = Prompts.of(3, PromptsTest::words);

        int tokens = words(prompt);

        assertEquals(Prompts.TOKENS, tokens);
    }

    @Test
    void startsEachRoundWithAnotherWordSoThePromptCacheCannotHelp() {
        String first = Prompts.of(0, PromptsTest::words);

        String second = Prompts.of(1, PromptsTest::words);

        assertNotEquals(first.split(" ")[0], second.split(" ")[0]);
    }
}
