package app.hearth.protocol;

/**
 * The end of a generation.
 *
 * @param stopReason        {@code end} (the model finished, or a stop string came),
 *                          {@code length} (the token limit), {@code context} (the context
 *                          is full) or {@code cancelled}
 * @param promptTokens      tokens in the prompt
 * @param generatedTokens   tokens generated
 * @param loadMs            time spent loading the model for this request, 0 if it was cached
 * @param timeToFirstTokenMs from the start of prompt processing to the first token, in ms
 * @param tokensPerSecond   decoding speed after the first token; 0 if fewer than two tokens
 */
public record DoneEvent(
        String id, String stopReason, int promptTokens, int generatedTokens, long loadMs,
        double timeToFirstTokenMs, double tokensPerSecond) implements Event {
}
