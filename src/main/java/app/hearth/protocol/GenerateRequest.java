package app.hearth.protocol;

/**
 * Generates a reply to a fully formatted prompt, loading the model first if needed. Answered
 * by a stream of {@link TokenEvent}s and then one {@link DoneEvent} or {@link ErrorEvent}.
 *
 * @param model    absolute path of the GGUF file
 * @param prompt   the prompt text, chat template already applied
 * @param sampling sampling settings; null means {@link Sampling#DEFAULT}
 * @param options  load options; null means {@link ModelOptions#DEFAULT}
 * @param stop     strings that end the reply when generated (not included); may be null
 */
public record GenerateRequest(
        String id, String model, String prompt, Sampling sampling, ModelOptions options,
        java.util.List<String> stop) implements Request {
}
