package app.hearth.chat;

import java.util.List;

/**
 * What the chat needs to know about a model file.
 *
 * @param chatTemplate  the {@code tokenizer.chat_template} text; null when the model has none
 * @param contextLength the context the model was trained for, in tokens; 0 if unknown
 * @param quantization  the file type name (F32, Q4_0, …); null if unknown
 * @param controlTokens the spellings of the vocabulary's control tokens; empty if unknown
 */
public record ModelFacts(String chatTemplate, long contextLength, String quantization,
        List<String> controlTokens) {

    /** What is assumed of a file that could not be read. */
    public static final ModelFacts UNKNOWN = new ModelFacts(null, 0, null, List.of());

    public ModelFacts {
        controlTokens = controlTokens == null ? List.of() : List.copyOf(controlTokens);
    }
}
