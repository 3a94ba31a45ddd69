package app.hearth.workerclient;

import app.hearth.protocol.Event;
import app.hearth.protocol.HelloEvent;
import app.hearth.protocol.LineReader;
import app.hearth.protocol.Protocol;
import app.hearth.protocol.ProtocolCodec;
import app.hearth.protocol.ProtocolException;
import app.hearth.protocol.Request;
import app.hearth.protocol.ShutdownRequest;
import org.tinylog.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One running worker process and its three pipes. Two named daemon threads read stdout
 * (events) and stderr (log lines); {@link #send} writes requests from the caller's thread.
 */
final class WorkerConnection {

    private static final int MAX_SKIPPED_TO_LOG = 200;
    private static final String EVENT_START = "{\"type\":";

    private final Process process;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final CompletableFuture<HelloEvent> hello = new CompletableFuture<>();
    private final OutputStream requests;
    private int skippedLines;

    /**
     * Starts reading the process's output at once.
     *
     * @param onEvent called on the stdout thread for every event, hello included
     * @param onEnd   called on the stdout thread once, when stdout ends
     */
    WorkerConnection(Process process, Consumer<Event> onEvent, Runnable onEnd) {
        this.process = process;
        this.requests = process.getOutputStream();
        long pid = process.pid();
        start("worker-" + pid + "-stdout", () -> readEvents(onEvent, onEnd));
        start("worker-" + pid + "-stderr", this::drainStderr);
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /** Completes with the worker's hello, or exceptionally if stdout ends first. */
    CompletableFuture<HelloEvent> hello() {
        return hello;
    }

    /**
     * Writes one request line. Callers serialize their calls.
     *
     * @throws RequestTooLongException when the line would pass the protocol's limit
     */
    void send(Request request) throws IOException {
        Logger.debug("To worker: {} {}", request.getClass().getSimpleName(), request.id());
        String line = codec.encode(request);
        if (line.length() > Protocol.MAX_LINE_CHARS) {
            throw new RequestTooLongException(line.length());
        }
        requests.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        requests.flush();
    }

    /** Closes the worker's stdin, which asks it to finish and exit. */
    void closeInput() {
        try {
            requests.close();
        } catch (IOException e) {
            Logger.debug("Worker stdin already closed: {}", e.getMessage());
        }
    }

    /**
     * Asks the worker to finish (a shutdown request, then end of input) and waits up to
     * {@code limit} for it to exit, killing it if it does not. Blocks: service thread only.
     */
    void shutDown(ShutdownRequest request, Duration limit) {
        try {
            send(request);
        } catch (IOException e) {
            Logger.debug("Worker {}'s input already closed: {}", pid(), e.getMessage());
        }
        closeInput();
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                Logger.warn("Worker {} did not exit in {} s; killing it", pid(),
                        limit.toSeconds());
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** Ends the process and all its descendants at once. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void readEvents(Consumer<Event> onEvent, Runnable onEnd) {
        LineReader lines = new LineReader(process.getInputStream(), Protocol.MAX_LINE_CHARS);
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                Event event = decode(line);
                if (event instanceof HelloEvent helloEvent) {
                    hello.complete(helloEvent);
                }
                if (event != null) {
                    onEvent.accept(event);
                }
            }
        } catch (IOException e) {
            Logger.debug("Worker stdout closed: {}", e.getMessage());
        } finally {
            hello.completeExceptionally(new IOException("The worker exited before saying hello"));
            onEnd.run();
        }
    }

    private Event decode(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return codec.decodeEvent(line);
        } catch (ProtocolException e) {
            Event salvaged = salvage(line);
            // The binding and the JVM print on stdout too (DESIGN.md §2): skip, but keep a
            // trace of what was skipped.
            if (skippedLines++ < MAX_SKIPPED_TO_LOG) {
                Logger.warn("Skipped {} from worker {} that is not protocol ({}): {}",
                        salvaged == null ? "a line" : "a prefix", process.pid(),
                        e.getMessage(), abbreviate(line));
            }
            return salvaged;
        }
    }

    /**
     * Native code writes to the real stdout without line breaks at times (a partial log
     * line, an abort message), and the next event then lands at the end of that junk. Every
     * event starts with its type and its strings escape quotes, so the last place where an
     * object opens with a type is where the event starts.
     */
    private Event salvage(String line) {
        int start = line.lastIndexOf(EVENT_START);
        if (start <= 0) {
            return null;
        }
        try {
            return codec.decodeEvent(line.substring(start));
        } catch (ProtocolException e) {
            return null;
        }
    }

    private void drainStderr() {
        LineReader lines = new LineReader(process.getErrorStream(), 64 * 1024);
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                Logger.info("worker {}: {}", process.pid(), line);
            }
        } catch (IOException e) {
            Logger.debug("Worker stderr closed: {}", e.getMessage());
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static void start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
