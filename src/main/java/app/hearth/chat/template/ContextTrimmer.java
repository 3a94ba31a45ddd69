package app.hearth.chat.template;

import app.hearth.chat.Role;

import java.util.ArrayList;
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
     * @param prompt  what to send
     * @param leftOut how many of the given turns, from the first, are not in it
     * @param tokens  the prompt's size by the counter
     */
    public record Fitted(RenderedPrompt prompt, int leftOut, int tokens) {
    }

    /** Fits with a guard for the family's markers alone. */
    public static Fitted fit(PromptFamily family, String system, List<Turn> turns,
            TokenCounter counter, int budgetTokens) throws ContextOverflowException {
        return fit(family, system, turns, SpecialTokenGuard.of(family), counter, budgetTokens);
    }

    /**
     * Tries the whole conversation; when it is too long, finds by bisection the first start
     * whose prompt fits, since a prompt takes more tokens the more turns it keeps. So a
     * long conversation costs a few counts, not one per turn, and the counter sees the
     * prompt taken and, when turns are left out, the one a turn longer that did not fit.
     *
     * @param guard        breaks special-token spellings in the messages
     * @param budgetTokens tokens the prompt may take: the context less room for the reply
     * @throws ContextOverflowException if even the system prompt and the newest turn are
     *                                  too long
     */
    public static Fitted fit(PromptFamily family, String system, List<Turn> turns,
            SpecialTokenGuard guard, TokenCounter counter, int budgetTokens)
            throws ContextOverflowException {
        return fit(family, system, turns, "", guard, counter, budgetTokens);
    }

    /**
     * Fits a prompt that ends with the start of the reply, which every candidate keeps, as
     * it keeps the newest user turn.
     *
     * @param replyStart the reply so far, for the model to go on with; empty for a new reply
     * @see #fit(PromptFamily, String, List, SpecialTokenGuard, TokenCounter, int)
     * @see PromptFormatter#format(PromptFamily, String, List, SpecialTokenGuard, String)
     */
    public static Fitted fit(PromptFamily family, String system, List<Turn> turns,
            String replyStart, SpecialTokenGuard guard, TokenCounter counter,
            int budgetTokens) throws ContextOverflowException {
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one turn");
        }

        Fitted whole = attempt(family, system, turns, 0, replyStart, guard, counter);
        if (whole.tokens() <= budgetTokens) {
            return whole;
        }

        // Indexes into starts: the prompt from starts[tooLong] is too long, and the one from
        // starts[fits] fits; while fits is past the end, no prompt is known to fit.
        List<Integer> starts = starts(turns);
        int tooLong = 0;
        int fits = starts.size();
        Fitted best = null;
        int smallest = whole.tokens();
        while (fits - tooLong > 1) {
            int middle = (tooLong + fits) >>> 1;
            Fitted candidate = attempt(family, system, turns, starts.get(middle), replyStart,
                    guard, counter);
            if (candidate.tokens() <= budgetTokens) {
                fits = middle;
                best = candidate;
            } else {
                tooLong = middle;
                smallest = candidate.tokens();
            }
        }
        if (best == null) {
            throw new ContextOverflowException(smallest, budgetTokens);
        }
        return best;
    }

    private static Fitted attempt(PromptFamily family, String system, List<Turn> turns,
            int start, String replyStart, SpecialTokenGuard guard, TokenCounter counter) {
        RenderedPrompt prompt = PromptFormatter.format(family, system,
                turns.subList(start, turns.size()), guard, replyStart);
        return new Fitted(prompt, start, counter.count(prompt.text()));
    }

    /** Where a prompt may start: every turn but replies, which a prompt cannot open. */
    private static List<Integer> starts(List<Turn> turns) {
        List<Integer> starts = new ArrayList<>();
        for (int start = 0; start < turns.size(); start = next(turns, start)) {
            starts.add(start);
        }
        return starts;
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
