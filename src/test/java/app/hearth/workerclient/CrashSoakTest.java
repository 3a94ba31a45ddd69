package app.hearth.workerclient;

import app.hearth.protocol.ErrorCode;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Twenty workers killed in the middle of a reply, and nothing of them stays behind on the UI
 * side. The workers are stand-ins that stream until killed: what could leak (reader threads,
 * pipes, processes) is the same for the real worker, whose kill -9 RealWorkerFaultsTest and
 * ChatCrashRecoveryTest cover, and a stand-in starts in a fraction of the time.
 */
class CrashSoakTest {

    private static final int CYCLES = 20;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    @Test
    void twentyCrashAndRecoverCyclesLeaveNoProcessThreadOrDescriptorBehind() throws Exception {
        String model = "/models/soak.gguf";
        long descriptorsBefore = openDescriptors();
        List<Long> pids = new ArrayList<>();
        WorkerService service = StandIns.service(folder, StandIns.LIMITS, "deaf");

        long started = System.nanoTime();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            Reply reply = generate(service, model, 1500).awaitFirstToken(WAIT);
            long pid = service.workerPid().orElseThrow();
            pids.add(pid);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            reply.awaitEnd(WAIT);
            assertEquals(ErrorCode.WORKER_CRASHED, reply.error().code(), "cycle " + cycle);
            // The user's explicit retry; without it the second crash quarantines the model.
            service.clearQuarantine(model);
        }
        String last = generate(service, model, 5).awaitFirstToken(WAIT).text();
        double seconds = (System.nanoTime() - started) / 1e9;
        service.close();

        assertFalse(last.isEmpty());
        assertEquals(CYCLES, pids.stream().distinct().count());
        pids.forEach(pid -> RealWorkers.awaitGone(pid, Duration.ofSeconds(10)));
        assertTrue(ProcessHandle.current().children().noneMatch(child -> pids.contains(
                child.pid()) || child.info().commandLine().orElse("").contains("StandInWorker")),
                "a worker process is left");
        assertNoWorkerThreadsLeft(pids);
        long descriptorsAfter = openDescriptors();
        assertTrue(descriptorsAfter <= descriptorsBefore + 3,
                "descriptors before " + descriptorsBefore + ", after " + descriptorsAfter);
        System.out.printf(java.util.Locale.ROOT, "MEASURED | soak: %d kill -9 cycles | %.1f s "
                + "in all, %.0f ms per crash and recovery | fds %d -> %d%n", CYCLES, seconds,
                seconds * 1000 / (CYCLES + 1), descriptorsBefore, descriptorsAfter);
        assertTrue(seconds < 60, "the soak took " + seconds + " s");
    }

    private static Reply generate(WorkerService service, String model, int tokens) {
        Reply reply = new Reply();
        service.generate(model, "Once upon a time", Sampling.DEFAULT.withMaxTokens(tokens),
                ModelOptions.DEFAULT, List.of(), reply);
        return reply;
    }

    /** The reader threads of each worker end at its end-of-stream; waits for each of them. */
    private static void assertNoWorkerThreadsLeft(List<Long> pids) throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            boolean reader = pids.stream().anyMatch(pid -> thread.getName().startsWith(
                    "worker-" + pid + "-"));
            if (reader) {
                thread.join(10_000);
                assertFalse(thread.isAlive(), "thread " + thread.getName() + " is left");
            }
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(thread ->
                thread.getName().equals("worker-service") && thread.isAlive()
                        && !thread.isDaemon()), "a service thread is left");
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
