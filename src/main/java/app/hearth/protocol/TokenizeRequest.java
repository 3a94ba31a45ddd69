package app.hearth.protocol;

/**
 * Counts the tokens a text takes in a model's vocabulary, loading the model first if needed,
 * exactly as a {@link GenerateRequest} with that text as its prompt would count it. Answered
 * by one {@link TokenizedEvent} or {@link ErrorEvent}.
 *
 * @param model   absolute path of the GGUF file
 * @param text    the text to count; special-token spellings in it count as those tokens
 * @param options load options; null means {@link ModelOptions#DEFAULT}. Give the options the
 *                generations use, or the worker loads a second copy of the model
 */
public record TokenizeRequest(String id, String model, String text, ModelOptions options)
        implements Request {
}
