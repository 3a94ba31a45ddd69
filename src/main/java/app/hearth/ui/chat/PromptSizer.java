package app.hearth.ui.chat;

import app.hearth.chat.ModelFacts;
import app.hearth.chat.template.ContextOverflowException;
import app.hearth.chat.template.PromptFamily;
import app.hearth.chat.template.SpecialTokenGuard;
import app.hearth.chat.template.TemplateDetector;
import app.hearth.chat.template.TokenCounter;
import app.hearth.chat.template.TokenEstimate;
import app.hearth.protocol.ModelOptions;
import app.hearth.workerclient.WorkerService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sizes the next prompt of a conversation against a model's context, in tokens: exactly
 * where the worker has counted a prompt's text with the model's own tokenizer, by the
 * model's {@link TokenEstimate} elsewhere. Counts are cached per model and text, and a text
 * is never asked for twice at once, so sizing again as people type or switch conversations
 * costs the worker one count per new text at most.
 *
 * <p>FX thread only: the worker's answers arrive there.
 */
final class PromptSizer {

    /**
     * Characters of counted prompts kept, 8 MB: a few hundred prompts of a 4K context, a
     * dozen of a 128K one. A reply needs two or three, typing one per pause.
     */
    private static final long KEPT_CHARS = 4L << 20;

    private final WorkerService worker;
    private final Map<Path, TokenEstimate> estimates = new HashMap<>();
    /** In the order of their last use, so the least recently used go first. */
    private final Map<Counted, Integer> counts = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Counted, CompletableFuture<Integer>> asked = new HashMap<>();
    private long keptChars;

    PromptSizer(WorkerService worker) {
        this.worker = worker;
    }

    /**
     * A prompt to size.
     *
     * @param options    the load options the reply uses; the context is theirs
     * @param history    the transcript up to and including the user message to answer
     * @param replyStart the reply so far when the reply goes on (Continue); empty otherwise
     * @param budget     tokens the prompt may take: the context less room for the reply
     */
    record Job(Path model, ModelFacts facts, ModelOptions options, List<ChatMessage> history,
            String replyStart, String system, int budget) {
    }

    /**
     * A sizing by the counts known when it was made.
     *
     * @param prompt   the prompt that fits, or null when even the newest message does not
     * @param overflow why nothing fits, or null
     * @param guessed  the texts whose estimated counts decided the fit; empty when exact
     */
    record Sized(ReplyPrompt prompt, ContextOverflowException overflow, List<String> guessed) {

        boolean exact() {
            return guessed.isEmpty();
        }

        /** The prompt's tokens, or the smallest prompt's when nothing fits. */
        int tokens() {
            return prompt != null ? prompt.tokens() : overflow.messageTokens();
        }

        /** Whether the prompt holds the whole conversation. */
        boolean keepsEverything() {
            return prompt != null && prompt.firstKept() == 0;
        }
    }

    /** Sizes by the counts known now; never waits. */
    Sized size(Job job) {
        PromptFamily family = TemplateDetector.detect(job.facts().chatTemplate());
        SpecialTokenGuard guard = SpecialTokenGuard.of(family, job.facts().controlTokens());
        Counter counter = new Counter(job.model());
        try {
            ReplyPrompt prompt = ReplyPrompt.build(job.history(), job.replyStart(),
                    job.system(), family, guard, counter, job.budget());
            return new Sized(prompt, null, counter.decisiveGuesses(prompt.prompt().text()));
        } catch (ContextOverflowException e) {
            return new Sized(null, e, counter.decisiveGuesses(""));
        }
    }

    /**
     * Asks the worker to count the texts a sizing guessed; size the job again once they are
     * in. May load the model.
     *
     * @return completes on the FX thread when every count is in, exceptionally with the
     *         worker's error when one could not be made
     */
    CompletableFuture<Void> measure(Job job, Sized sized) {
        return CompletableFuture.allOf(sized.guessed().stream()
                .map(text -> count(job, text)).toArray(CompletableFuture[]::new));
    }

    /** Takes a count the worker reported for a prompt it was sent, as a generation's. */
    void learn(Path model, String prompt, int tokens) {
        if (counts.put(new Counted(model, prompt), tokens) == null) {
            keptChars += prompt.length();
        }
        Iterator<Counted> eldest = counts.keySet().iterator();
        while (keptChars > KEPT_CHARS && counts.size() > 1) {
            keptChars -= eldest.next().text().length();
            eldest.remove();
        }
        estimateOf(model).learn(prompt, tokens);
    }

    /** The worker found a guessed prompt too long: guess from the upper bound for a while. */
    void assumeWorst(Path model) {
        estimateOf(model).assumeWorst();
    }

    private CompletableFuture<Integer> count(Job job, String text) {
        Counted key = new Counted(job.model(), text);
        CompletableFuture<Integer> answer = asked.get(key);
        if (answer != null) {
            return answer;
        }
        // What callers wait for completes after the count is kept, so sizing again finds it.
        answer = worker.tokenize(job.model().toString(), text, job.options())
                .whenComplete((tokens, failure) -> {
                    asked.remove(key);
                    if (failure == null) {
                        learn(job.model(), text, tokens);
                    }
                });
        if (!answer.isDone()) {
            asked.put(key, answer);
        }
        return answer;
    }

    private TokenEstimate estimateOf(Path model) {
        return estimates.computeIfAbsent(model, key -> new TokenEstimate());
    }

    private record Counted(Path model, String text) {
    }

    /** Known counts where there are some, the estimate elsewhere; notes what it counted. */
    private final class Counter implements TokenCounter {

        private final Path model;
        private final List<String> counted = new ArrayList<>();
        private final Set<String> guessed = new HashSet<>();

        Counter(Path model) {
            this.model = model;
        }

        @Override
        public int count(String text) {
            counted.add(text);
            Integer known = counts.get(new Counted(model, text));
            if (known != null) {
                return known;
            }
            guessed.add(text);
            return estimateOf(model).count(text);
        }

        /**
         * The guessed ones among the texts that decided the fit: the prompt taken, and the
         * shortest counted one longer than it, which is the prompt a turn longer (the
         * candidates keep fewer and fewer turns, and {@code ContextTrimmer.fit} counts the
         * neighbours of its answer). With nothing taken, the shortest prompt decided alone.
         *
         * @param taken the prompt taken; empty when none fits
         */
        List<String> decisiveGuesses(String taken) {
            List<String> decisive = new ArrayList<>();
            if (!taken.isEmpty()) {
                decisive.add(taken);
            }
            counted.stream().filter(text -> text.length() > taken.length())
                    .min(Comparator.comparingInt(String::length)).ifPresent(decisive::add);
            return decisive.stream().filter(guessed::contains).toList();
        }
    }
}
