package app.hearth.workerclient;

import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A worker that asks to be retired is replaced by one that holds what it held, as it held it. */
class ReclaimTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private WorkerService service;

    @AfterEach
    void closeService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void successorReloadsTheKeptModelWithItsContextThreadsAndPin() throws Exception {
        service = StandIns.service(folder, StandIns.LIMITS, "reclaim", "echo");
        Reply reply = new Reply();

        service.generate("/models/other.gguf", "after the reclaim", Sampling.greedy(10),
                ModelOptions.DEFAULT, List.of(), reply);

        assertEquals("after the reclaim", reply.awaitText(WAIT));
        assertEquals(2, Files.readAllLines(folder.resolve("starts.txt")).size());
        assertEquals(List.of(StandInWorker.HELD_MODEL + " 1024 3 true"),
                Files.readAllLines(folder.resolve("loads.txt")));
    }
}
