package app.hearth.worker;

import app.hearth.protocol.ErrorCode;
import app.hearth.protocol.ErrorEvent;
import app.hearth.protocol.Event;
import app.hearth.protocol.HelloEvent;
import app.hearth.protocol.ProtocolCodec;
import app.hearth.protocol.ProtocolException;
import app.hearth.protocol.StatusEvent;
import app.hearth.workerclient.WorkerLauncher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real worker answers malformed requests with errors and keeps serving. */
class BadRequestsTest {

    private static final List<String> BAD_LINES = List.of(
            "not json at all",
            "{\"type\":\"generate\",\"id\":\"g1\"}",
            "{\"type\":\"generate\",\"id\":\"g2\",\"model\":\"/m.gguf\",\"prompt\":\"p\","
                    + "\"sampling\":{\"maxTokens\":0}}",
            "{\"type\":\"generate\",\"id\":\"g3\",\"model\":\"/m.gguf\",\"prompt\":\"p\","
                    + "\"options\":{\"contextSize\":-5,\"threads\":0}}",
            "{\"type\":\"unload\",\"id\":\"u1\",\"model\":\"a\\u0000b\"}",
            "{\"type\":\"load\",\"id\":\"l1\"}",
            "{\"type\":\"generate\",\"id\":\"g4\",\"model\":\"/m.gguf\",\"prompt\":[\"p\"]}",
            "{\"type\":\"generate\",\"id\":\"g5\",\"model\":\"/m.gguf\",\"prompt\":\"p\","
                    + "\"sampling\":{\"temperature\":NaN,\"maxTokens\":5}}",
            "{\"type\":\"status\",\"id\":\"" + "y".repeat(9 << 20) + "\"}",
            "{\"type\":\"cancel\",\"id\":\"x1\",\"target\":\"nothing\"}",
            "{\"type\":\"status\",\"id\":\"s1\"}");

    private Process worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.destroyForcibly();
        }
    }

    @Test
    void malformedRequestsGetErrorsAndTheWorkerStillAnswers() throws Exception {
        worker = WorkerLauncher.javaMain(WorkerLauncher.WORKER_MAIN, List.of()).start();
        Thread drain = new Thread(() -> {
            try {
                worker.getErrorStream().transferTo(OutputStream.nullOutputStream());
            } catch (java.io.IOException e) {
                // The worker ended.
            }
        }, "worker-stderr-drain");
        drain.setDaemon(true);
        drain.start();
        OutputStream in = worker.getOutputStream();

        for (String line : BAD_LINES) {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        in.flush();
        List<Event> events = readUntilStatus();

        assertTrue(events.get(0) instanceof HelloEvent, events.toString());
        List<String> refused = events.stream().filter(ErrorEvent.class::isInstance)
                .map(ErrorEvent.class::cast)
                .map(error -> error.id() + " " + error.code()).toList();
        assertEquals(List.of("null " + ErrorCode.BAD_REQUEST, "g1 " + ErrorCode.BAD_REQUEST,
                "g2 " + ErrorCode.BAD_REQUEST, "g3 " + ErrorCode.BAD_REQUEST,
                "u1 " + ErrorCode.BAD_REQUEST, "l1 " + ErrorCode.BAD_REQUEST,
                "g4 " + ErrorCode.BAD_REQUEST, "g5 " + ErrorCode.BAD_REQUEST,
                "null " + ErrorCode.BAD_REQUEST), refused);
        assertTrue(events.get(events.size() - 1) instanceof StatusEvent);
        assertTrue(worker.isAlive());
    }

    private List<Event> readUntilStatus() throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                StandardCharsets.UTF_8));
        ProtocolCodec codec = new ProtocolCodec();
        return CompletableFuture.supplyAsync(() -> {
            List<Event> events = new ArrayList<>();
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    Event event = codec.decodeEvent(line);
                    events.add(event);
                    if (event instanceof StatusEvent) {
                        break;
                    }
                }
            } catch (java.io.IOException | ProtocolException e) {
                throw new IllegalStateException(e);
            }
            return events;
        }).get(60, TimeUnit.SECONDS);
    }
}
