package app.hearth.chat.template;

import java.util.List;

/**
 * The prompt formats Hearth can write, each with the strings that end a reply in it.
 *
 * <p>{@link TemplateDetector} maps the GGUF reader's {@code TemplateFamily} to these; the
 * families here also know their stop strings and whether they have a system role.
 */
public enum PromptFamily {
    /** {@code [INST] <<SYS>> … <</SYS>> … [/INST]}. */
    LLAMA2(true, "[INST]", "[/INST]"),
    /** {@code [INST] … [/INST]}; no system role, so the system prompt joins the first turn. */
    MISTRAL(false, "[INST]", "[/INST]"),
    /** {@code <|im_start|>role … <|im_end|>}. */
    CHATML(true, "<|im_end|>", "<|im_start|>"),
    /** {@code <|start_header_id|>role<|end_header_id|> … <|eot_id|>}. */
    LLAMA3(true, "<|eot_id|>", "<|start_header_id|>"),
    /** {@code <start_of_turn>user … <end_of_turn>}; no system role. */
    GEMMA(false, "<end_of_turn>", "<start_of_turn>"),
    /** {@code <|user|> … <|end|>}. */
    PHI3(true, "<|end|>", "<|user|>", "<|assistant|>"),
    /** {@code <|user|> … </s>}. */
    ZEPHYR(true, "</s>", "<|user|>"),
    /** No template: the conversation as one running text the model continues. */
    CONTINUATION(true);

    private final boolean systemRole;
    private final List<String> stop;

    PromptFamily(boolean systemRole, String... stop) {
        this.systemRole = systemRole;
        this.stop = List.of(stop);
    }

    /** Whether the format has a place for a system prompt of its own. */
    public boolean hasSystemRole() {
        return systemRole;
    }

    /** Strings that end a reply when the model writes them; never null. */
    public List<String> stopStrings() {
        return stop;
    }

    /**
     * The spellings that give the format its structure: its turn markers and the beginning
     * and end tokens it writes or implies. Message text must not contain them (see {@link
     * SpecialTokenGuard}). Empty for {@link #CONTINUATION}; never null.
     */
    public List<String> markers() {
        return switch (this) {
            case LLAMA2 -> List.of("<s>", "</s>", "[INST]", "[/INST]", "<<SYS>>", "<</SYS>>");
            case MISTRAL -> List.of("<s>", "</s>", "[INST]", "[/INST]");
            case CHATML -> List.of("<|im_start|>", "<|im_end|>");
            case LLAMA3 -> List.of("<|begin_of_text|>", "<|start_header_id|>",
                    "<|end_header_id|>", "<|eot_id|>");
            case GEMMA -> List.of("<bos>", "<start_of_turn>", "<end_of_turn>");
            case PHI3 -> List.of("<|system|>", "<|user|>", "<|assistant|>", "<|end|>");
            case ZEPHYR -> List.of("<|system|>", "<|user|>", "<|assistant|>", "</s>");
            case CONTINUATION -> List.of();
        };
    }
}
