package app.hearth.chat.template;

import java.util.Locale;

/**
 * Picks the prompt format for a model from its {@code tokenizer.chat_template} text by the
 * markers each family uses.
 *
 * <p>TODO(#6): replace with {@code app.hearth.gguf.TemplateFamily.guess} once the GGUF reader
 * lands; this class is the only place that needs to change.
 */
public final class TemplateDetector {

    private TemplateDetector() {
    }

    /**
     * @param template the model's chat template, or null when it has none
     * @return the format to write; {@link PromptFamily#CONTINUATION} without a template and
     *         {@link PromptFamily#CHATML} for a template with no marker we know
     */
    public static PromptFamily detect(String template) {
        if (template == null || template.isBlank()) {
            return PromptFamily.CONTINUATION;
        }
        String text = template.toLowerCase(Locale.ROOT);
        if (text.contains("<|start_header_id|>")) {
            return PromptFamily.LLAMA3;
        }
        if (text.contains("<|im_start|>")) {
            return PromptFamily.CHATML;
        }
        if (text.contains("<start_of_turn>")) {
            return PromptFamily.GEMMA;
        }
        if (text.contains("<|user|>")) {
            return text.contains("<|end|>") ? PromptFamily.PHI3 : PromptFamily.ZEPHYR;
        }
        if (text.contains("[inst]")) {
            return text.contains("<<sys>>") ? PromptFamily.LLAMA2 : PromptFamily.MISTRAL;
        }
        // ChatML is the format most fine-tunes without a family of their own understand.
        return PromptFamily.CHATML;
    }
}
