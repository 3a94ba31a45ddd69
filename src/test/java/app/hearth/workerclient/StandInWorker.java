package app.hearth.workerclient;

import app.hearth.protocol.CachedModel;
import app.hearth.protocol.CancelRequest;
import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ErrorCode;
import app.hearth.protocol.ErrorEvent;
import app.hearth.protocol.Event;
import app.hearth.protocol.GenerateRequest;
import app.hearth.protocol.HelloEvent;
import app.hearth.protocol.LoadRequest;
import app.hearth.protocol.LoadedEvent;
import app.hearth.protocol.ModelsEvent;
import app.hearth.protocol.Protocol;
import app.hearth.protocol.ProtocolCodec;
import app.hearth.protocol.ProtocolException;
import app.hearth.protocol.Request;
import app.hearth.protocol.StatusEvent;
import app.hearth.protocol.StatusRequest;
import app.hearth.protocol.TokenEvent;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A worker that misbehaves on purpose, for faults the real worker does not show on demand.
 *
 * <p>Arguments: a comma-separated list of modes and a file that counts the starts; the n-th
 * start plays the n-th mode (the last one repeats), so one test can script a fault followed by
 * a recovery. Generations in the well-behaved modes echo the prompt back, one code point per
 * token, so tests check text in both directions. Loads are answered at once and written to
 * {@code loads.txt} beside the starts file, one line each: model, context, threads, pinned.
 *
 * <p>"reclaim" reports one cached model (context 1024, 3 threads, pinned) and answers every
 * generation by asking to be retired, as a real worker over its budget does.
 */
public final class StandInWorker {

    /** The model a "reclaim" worker holds. */
    static final String HELD_MODEL = "/models/held.gguf";

    private final OutputStream out = new FileOutputStream(FileDescriptor.out);
    private final ProtocolCodec codec = new ProtocolCodec();
    private final String mode;
    private final Path loads;

    private StandInWorker(String mode, Path loads) {
        this.mode = mode;
        this.loads = loads;
    }

    public static void main(String[] args) throws Exception {
        List<String> modes = List.of(args[0].split(","));
        Path starts = Path.of(args[1]);
        int start = Files.exists(starts) ? Files.readAllLines(starts).size() : 0;
        Files.writeString(starts, ProcessHandle.current().pid() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        new StandInWorker(modes.get(Math.min(start, modes.size() - 1)),
                starts.resolveSibling("loads.txt")).run();
    }

    private void run() throws IOException {
        switch (mode) {
            case "exit-early" -> System.exit(7);
            case "no-hello" -> {
                junk();
                block();
            }
            case "old-version" -> send(new HelloEvent(Protocol.VERSION + 98, pid(), 1));
            case "oom" -> {
                hello();
                outOfMemory();
            }
            case "reclaim" -> {
                hello();
                send(new ModelsEvent(List.of(new CachedModel(HELD_MODEL, "ready", true, 5,
                        1 << 20, 1 << 20, 1024, 3))));
            }
            default -> {
                if (mode.equals("junk")) {
                    junk();
                }
                hello();
            }
        }
        serve();
    }

    private void serve() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            Request request;
            try {
                request = codec.decodeRequest(line);
            } catch (ProtocolException e) {
                continue;
            }
            if (request instanceof StatusRequest status && !mode.equals("silent")) {
                send(new StatusEvent(status.id(), 0, 0, false));
            } else if (request instanceof GenerateRequest generate) {
                generate(generate);
            } else if (request instanceof LoadRequest load) {
                Files.writeString(loads, String.join(" ", load.model(),
                        String.valueOf(load.options().contextSize()),
                        String.valueOf(load.options().threads()),
                        String.valueOf(load.pinned())) + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                send(new LoadedEvent(load.id(), load.model(), 1));
            } else if (request instanceof CancelRequest) {
                // "deaf" ignores it and the echo modes are done before it can arrive.
                continue;
            }
        }
        System.exit(0);
    }

    private void generate(GenerateRequest request) throws IOException {
        switch (mode) {
            case "silent", "stall" -> {
                // Accepts the request and never answers it.
            }
            case "crash" -> {
                send(new TokenEvent(request.id(), "Once"));
                Runtime.getRuntime().halt(134);
            }
            case "deaf" -> new Thread(() -> streamForever(request.id()), "deaf").start();
            case "reclaim" -> send(new ErrorEvent(request.id(), ErrorCode.RETRY_AFTER_RECLAIM,
                    "Over budget; retire me."));
            default -> echo(request);
        }
    }

    private void echo(GenerateRequest request) throws IOException {
        int tokens = 0;
        for (int at = 0; at < request.prompt().length(); ) {
            int next = request.prompt().offsetByCodePoints(at, 1);
            Event token = new TokenEvent(request.id(), request.prompt().substring(at, next));
            if (mode.equals("split")) {
                sendByteByByte(token);
            } else {
                send(token);
            }
            if (mode.equals("junk")) {
                junk();
            }
            at = next;
            tokens++;
        }
        send(new DoneEvent(request.id(), "eos", tokens, tokens, 0, 1, 100));
    }

    private void streamForever(String id) {
        try {
            while (true) {
                send(new TokenEvent(id, "la "));
                Thread.sleep(20);
            }
        } catch (IOException | InterruptedException e) {
            System.exit(0);
        }
    }

    private void junk() throws IOException {
        synchronized (out) {
            out.write("Extracted 'libjllama.so' to '/tmp/x'\n".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'});
            out.write("{\"type\":\"token\",\"id\":".getBytes(StandardCharsets.UTF_8));
            out.write("\n{not json}\n\n[1,2]\n{\"type\":\"nonsense\"}\n".getBytes(
                    StandardCharsets.UTF_8));
            out.write("GGML_ASSERT partial line without a break ".getBytes(
                    StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private void hello() throws IOException {
        send(new HelloEvent(Protocol.VERSION, pid(), 1));
    }

    private void send(Event event) throws IOException {
        byte[] line = (codec.encode(event) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(line);
            out.flush();
        }
    }

    /** Writes a line one flushed byte at a time, so the reader sees characters cut apart. */
    private void sendByteByByte(Event event) throws IOException {
        byte[] line = (codec.encode(event) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            for (byte b : line) {
                out.write(b);
                out.flush();
            }
        }
    }

    private static void outOfMemory() {
        List<long[]> hoard = new java.util.ArrayList<>();
        while (true) {
            hoard.add(new long[1 << 20]);
        }
    }

    private static void block() {
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long pid() {
        return ProcessHandle.current().pid();
    }
}
