package app.hearth.worker;

import app.hearth.protocol.Event;
import app.hearth.protocol.ProtocolCodec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The only writer of the worker's real stdout. Each event becomes one line, written and
 * flushed as a whole, so lines from different threads never interleave. Thread-safe.
 */
public final class ProtocolWriter {

    private final OutputStream out;
    private final ProtocolCodec codec = new ProtocolCodec();

    /** Writes to the given stream, which this writer then owns. */
    public ProtocolWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Sends one event.
     *
     * @throws UncheckedIOException when the UI end of the pipe is gone
     */
    public void send(Event event) {
        byte[] line = (codec.encode(event) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                out.write(line);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("The UI stopped reading the worker's output", e);
            }
        }
    }
}
