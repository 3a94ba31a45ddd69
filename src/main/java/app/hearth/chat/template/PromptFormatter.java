package app.hearth.chat.template;

import app.hearth.chat.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a conversation in a model's prompt format, ending where the reply begins.
 *
 * <p>The worker's tokenizer adds the beginning-of-sequence token itself, so prompts never
 * start with one. Turns are made to alternate first: empty replies (a reply stopped before
 * its first token, a failed one) are dropped and neighbours of one role are joined, so a
 * stopped or edited turn never yields two user turns in a row. The system prompt and every
 * turn pass through a {@link SpecialTokenGuard}, so only the format's own markers are
 * special tokens in the prompt. Pure; safe on any thread.
 */
public final class PromptFormatter {

    private PromptFormatter() {
    }

    /**
     * Formats with a guard for the family's markers alone, for a model whose vocabulary is
     * not known.
     *
     * @see #format(PromptFamily, String, List, SpecialTokenGuard)
     */
    public static RenderedPrompt format(PromptFamily family, String system, List<Turn> turns) {
        return format(family, system, turns, SpecialTokenGuard.of(family));
    }

    /**
     * @param family the format
     * @param system the system prompt; blank for none
     * @param turns  the conversation so far; its last non-empty turn must be the user's
     * @param guard  breaks special-token spellings in the system prompt and the turns
     * @throws IllegalArgumentException if there is no user turn to answer
     */
    public static RenderedPrompt format(PromptFamily family, String system, List<Turn> turns,
            SpecialTokenGuard guard) {
        return format(family, system, turns, guard, "");
    }

    /**
     * The prompt with the start of the reply already written after it, so that the model
     * goes on with the same reply instead of beginning a new one (Continue, after the token
     * limit cut a reply short). The start stays exactly as the model wrote it, leading space
     * included: it was generated right after this prompt.
     *
     * @param replyStart the reply so far; empty for a new reply
     * @see #format(PromptFamily, String, List, SpecialTokenGuard)
     */
    public static RenderedPrompt format(PromptFamily family, String system, List<Turn> turns,
            SpecialTokenGuard guard, String replyStart) {
        List<Turn> alternating = guarded(alternate(turns, family != PromptFamily.CONTINUATION),
                guard);
        if (alternating.isEmpty() || last(alternating).role() != Role.USER) {
            throw new IllegalArgumentException("a prompt must end with a user turn");
        }
        String sys = system == null ? "" : guard.neutralise(system.strip());
        if (!sys.isEmpty() && !family.hasSystemRole()) {
            alternating.set(0, Turn.user(sys + "\n\n" + alternating.get(0).text()));
            sys = "";
        }
        String text = render(family, sys, alternating) + guard.neutralise(replyStart);
        return new RenderedPrompt(text, family.stopStrings());
    }

    /**
     * The turns as a prompt would use them: blank replies dropped, neighbours of one role
     * joined by a blank line and, if {@code userFirst}, leading replies dropped.
     */
    public static List<Turn> alternate(List<Turn> turns, boolean userFirst) {
        List<Turn> result = new ArrayList<>();
        for (Turn turn : turns) {
            if (turn.role() == Role.ASSISTANT && turn.text().isBlank()) {
                continue;
            }
            if (userFirst && result.isEmpty() && turn.role() == Role.ASSISTANT) {
                continue;
            }
            if (!result.isEmpty() && last(result).role() == turn.role()) {
                Turn previous = result.remove(result.size() - 1);
                result.add(new Turn(turn.role(), previous.text() + "\n\n" + turn.text()));
            } else {
                result.add(turn);
            }
        }
        return result;
    }

    private static List<Turn> guarded(List<Turn> turns, SpecialTokenGuard guard) {
        List<Turn> result = new ArrayList<>(turns.size());
        for (Turn turn : turns) {
            result.add(new Turn(turn.role(), guard.neutralise(turn.text())));
        }
        return result;
    }

    private static String render(PromptFamily family, String sys, List<Turn> turns) {
        StringBuilder out = new StringBuilder();
        switch (family) {
            case LLAMA2 -> llama2(out, sys, turns);
            case MISTRAL -> mistral(out, turns);
            case CHATML -> tagged(out, sys, turns, "<|im_start|>%s\n", "<|im_end|>\n");
            case LLAMA3 -> tagged(out, sys, turns,
                    "<|start_header_id|>%s<|end_header_id|>\n\n", "<|eot_id|>");
            case GEMMA -> gemma(out, turns);
            case PHI3 -> tagged(out, sys, turns, "<|%s|>\n", "<|end|>\n");
            case ZEPHYR -> tagged(out, sys, turns, "<|%s|>\n", "</s>\n");
            case CONTINUATION -> continuation(out, sys, turns);
            default -> throw new IllegalStateException("unknown family " + family);
        }
        return out.toString();
    }

    private static void llama2(StringBuilder out, String sys, List<Turn> turns) {
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            if (turn.role() == Role.ASSISTANT) {
                out.append(' ').append(turn.text().strip()).append(" </s>");
                continue;
            }
            out.append(i == 0 ? "[INST] " : "<s>[INST] ");
            if (i == 0 && !sys.isEmpty()) {
                out.append("<<SYS>>\n").append(sys).append("\n<</SYS>>\n\n");
            }
            out.append(turn.text().strip()).append(" [/INST]");
        }
    }

    private static void mistral(StringBuilder out, List<Turn> turns) {
        for (Turn turn : turns) {
            if (turn.role() == Role.USER) {
                out.append("[INST] ").append(turn.text().strip()).append(" [/INST]");
            } else {
                out.append(' ').append(turn.text().strip()).append("</s>");
            }
        }
    }

    private static void gemma(StringBuilder out, List<Turn> turns) {
        for (Turn turn : turns) {
            String role = turn.role() == Role.USER ? "user" : "model";
            out.append("<start_of_turn>").append(role).append('\n')
                    .append(turn.text().strip()).append("<end_of_turn>\n");
        }
        out.append("<start_of_turn>model\n");
    }

    private static void tagged(StringBuilder out, String sys, List<Turn> turns, String open,
            String close) {
        if (!sys.isEmpty()) {
            out.append(String.format(open, "system")).append(sys).append(close);
        }
        for (Turn turn : turns) {
            String role = turn.role() == Role.USER ? "user" : "assistant";
            out.append(String.format(open, role)).append(turn.text().strip()).append(close);
        }
        out.append(String.format(open, "assistant"));
    }

    private static void continuation(StringBuilder out, String sys, List<Turn> turns) {
        out.append(sys);
        for (Turn turn : turns) {
            if (out.length() > 0 && turn.role() == Role.USER) {
                out.append("\n\n");
            }
            out.append(turn.text());
        }
    }

    private static Turn last(List<Turn> turns) {
        return turns.get(turns.size() - 1);
    }
}
