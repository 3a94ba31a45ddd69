package app.hearth.bench;

/**
 * The timing of one reply.
 *
 * @param ttftMs          from the request to the first token, in ms
 * @param tokensPerSecond decoding speed after the first token
 * @param tokens          tokens received
 */
record Generated(double ttftMs, double tokensPerSecond, int tokens) {

    /** Computes the figures from nanosecond timestamps. */
    static Generated of(long startNanos, long firstNanos, long lastNanos, int tokens) {
        double ttft = tokens == 0 ? Double.NaN : (firstNanos - startNanos) / 1e6;
        double decodeSeconds = (lastNanos - firstNanos) / 1e9;
        double speed = tokens > 1 && decodeSeconds > 0 ? (tokens - 1) / decodeSeconds : Double.NaN;
        return new Generated(ttft, speed, tokens);
    }
}
