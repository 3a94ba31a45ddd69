package app.hearth.gguf;

import java.util.Locale;

/**
 * The prompt format a chat template most likely produces, guessed from marker strings.
 *
 * <p>The guess only looks at well-known markers; the template itself stays the authority when a
 * prompt is built.
 */
public enum TemplateFamily {
    /** {@code [INST]} with a {@code <<SYS>>} block. */
    LLAMA2,
    /** {@code [INST]} without a system block, as in Mistral Instruct. */
    MISTRAL,
    /** {@code <|im_start|>} turns (Qwen, many fine-tunes). */
    CHATML,
    /** {@code <|start_header_id|>} headers. */
    LLAMA3,
    /** {@code <start_of_turn>} turns. */
    GEMMA,
    /** {@code <|user|>} turns closed by {@code <|end|>}. */
    PHI3,
    /** {@code <|user|>} turns closed by the end-of-sequence token. */
    ZEPHYR,
    /** A template with none of the known markers. */
    OTHER,
    /** The model has no chat template. */
    NONE;

    /**
     * Guesses the family of a template.
     *
     * @param template the Jinja text, or {@code null}
     * @return never {@code null}; {@link #NONE} for a missing or blank template
     */
    public static TemplateFamily guess(String template) {
        if (template == null || template.isBlank()) {
            return NONE;
        }
        String text = template.toLowerCase(Locale.ROOT);
        if (text.contains("<|start_header_id|>")) {
            return LLAMA3;
        }
        if (text.contains("<|im_start|>")) {
            return CHATML;
        }
        if (text.contains("<start_of_turn>")) {
            return GEMMA;
        }
        if (text.contains("<|user|>")) {
            return text.contains("<|end|>") ? PHI3 : ZEPHYR;
        }
        if (text.contains("[inst]")) {
            return text.contains("<<sys>>") ? LLAMA2 : MISTRAL;
        }
        return OTHER;
    }
}
