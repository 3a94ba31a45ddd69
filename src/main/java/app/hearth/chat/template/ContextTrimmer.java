package app.hearth.chat.template;

import app.hearth.chat.Role;

import java.util.List;

/**
 * Fits a conversation into a model's context: when the whole prompt would be too long, the
 * oldest turns after the system prompt are left out until it fits. The system prompt and the
 * newest user turn are always kept. Pure; safe on any thread.
 */
public final class ContextTrimmer {

    private ContextTrimmer() {
    }

    /**
     * The prompt that fits.
     *
     * @param prompt          what to send
     * @param leftOut         how many of the given turns, from the first, are not in it
     * @param tokens   the prompt's size by the counter
     */
    public record Fitted(RenderedPrompt prompt, int leftOut, int tokens) {
    }

    /** Fits with a guard for the family's markers alone. */
    public static Fitted fit(PromptFamily family, String system, List<Turn> turns,
            TokenCounter counter, int budgetTokens) throws ContextOverflowException {
        return fit(family, system, turns, SpecialTokenGuard.of(family), counter, budgetTokens);
    }

    /**
     * Tries the whole conversation, then one turn less at a time, and takes the first prompt
     * that fits. The counter sees the candidates in that order, so the last two it counted
     * decide the fit: the prompt taken and the one just too long.
     *
     * @param guard        breaks special-token spellings in the messages
     * @param budgetTokens tokens the prompt may take: the context less room for the reply
     * @throws ContextOverflowException if even the system prompt and the newest turn are
     *                                  too long; the last text counted is that prompt
     */
    public static Fitted fit(PromptFamily family, String system, List<Turn> turns,
            SpecialTokenGuard guard, TokenCounter counter, int budgetTokens)
            throws ContextOverflowException {
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one turn");
        }

        int smallest = turns.size();
        for (int drop = 0; drop < turns.size(); drop = next(turns, drop)) {
            RenderedPrompt prompt = PromptFormatter.format(family, system,
                    turns.subList(drop, turns.size()), guard);
            int tokens = counter.count(prompt.text());
            if (tokens <= budgetTokens) {
                return new Fitted(prompt, drop, tokens);
            }
            smallest = tokens;
        }
        throw new ContextOverflowException(smallest, budgetTokens);
    }

    /** The next place to start from: one turn later, skipping replies a prompt cannot open. */
    private static int next(List<Turn> turns, int drop) {
        int start = drop + 1;
        while (start < turns.size() - 1 && turns.get(start).role() == Role.ASSISTANT) {
            start++;
        }
        return start;
    }
}
