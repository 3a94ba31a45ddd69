package app.hearth.chat;

/**
 * What the worker measured for one reply.
 *
 * @param promptTokens       tokens in the prompt the reply answered
 * @param generatedTokens    tokens in the reply
 * @param timeToFirstTokenMs from the start of prompt processing to the first token, in ms
 * @param tokensPerSecond    decoding speed after the first token; 0 if unknown
 * @param loadMs             time spent loading the model for this reply, in ms; 0 if cached
 * @param stopReason         the worker's stop reason ({@code end}, {@code length},
 *                           {@code stop}, {@code cancelled}); may be null
 */
public record ReplyStats(
        int promptTokens, int generatedTokens, double timeToFirstTokenMs,
        double tokensPerSecond, long loadMs, String stopReason) {
}
