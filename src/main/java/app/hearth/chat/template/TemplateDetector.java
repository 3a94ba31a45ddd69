package app.hearth.chat.template;

import app.hearth.gguf.TemplateFamily;

/**
 * Picks the prompt format for a model from its {@code tokenizer.chat_template} text, through
 * the GGUF reader's {@link TemplateFamily#guess}.
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
        return switch (TemplateFamily.guess(template)) {
            case LLAMA2 -> PromptFamily.LLAMA2;
            case MISTRAL -> PromptFamily.MISTRAL;
            case CHATML -> PromptFamily.CHATML;
            case LLAMA3 -> PromptFamily.LLAMA3;
            case GEMMA -> PromptFamily.GEMMA;
            case PHI3 -> PromptFamily.PHI3;
            case ZEPHYR -> PromptFamily.ZEPHYR;
            // ChatML is the format most fine-tunes without a family of their own understand.
            case OTHER -> PromptFamily.CHATML;
            case NONE -> PromptFamily.CONTINUATION;
        };
    }
}
