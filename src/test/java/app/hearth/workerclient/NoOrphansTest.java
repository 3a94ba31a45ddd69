package app.hearth.workerclient;

import app.hearth.testsupport.SharedModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real UI-side process with a real worker: however the UI ends, the worker follows within a
 * few seconds; and neither of them holds a socket.
 */
class NoOrphansTest {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);

    private Process ui;
    private long worker = -1;

    @AfterEach
    void cleanUp() {
        if (ui != null) {
            ui.destroyForcibly();
        }
        if (worker > 0) {
            ProcessHandle.of(worker).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void workerExitsWhenTheUiIsKilledWithSignal9() throws Exception {
        worker = startUi("wait");

        long killedAt = System.nanoTime();
        ui.destroyForcibly();

        RealWorkers.awaitGone(worker, FEW_SECONDS);
        Measured.print("UI process killed (-9) while a reply streams", "worker exits",
                Measured.ms(killedAt, System.nanoTime()));
    }

    @Test
    void workerExitsWhenTheUiCrashes() throws Exception {
        worker = startUi("halt");

        long crashedAt = System.nanoTime();
        assertTrue(ui.waitFor(30, TimeUnit.SECONDS), "the UI did not halt");

        RealWorkers.awaitGone(worker, FEW_SECONDS);
        Measured.print("UI process crashes (halt) while a reply streams", "worker exits",
                Measured.ms(crashedAt, System.nanoTime()));
    }

    @Test
    void quittingWhileAReplyStreamsEndsBothProcessesCleanly() throws Exception {
        worker = startUi("close");

        long quitAt = System.nanoTime();
        String closed = readLine(ui, Duration.ofSeconds(30));
        assertTrue(ui.waitFor(30, TimeUnit.SECONDS), "the UI did not exit");

        assertEquals("CLOSED", closed);
        assertEquals(0, ui.exitValue());
        RealWorkers.awaitGone(worker, FEW_SECONDS);
        Measured.print("quit while a reply streams", "window closes",
                Measured.ms(quitAt, System.nanoTime()));
    }

    @Test
    void neitherTheWorkerNorTheUiProcessHoldsANetworkOrListeningSocket() throws Exception {
        worker = startUi("wait");

        List<String> workerProblems = networkSockets(worker);
        List<String> uiProblems = networkSockets(ui.pid());

        assertEquals(List.of(), workerProblems, "network or listening sockets of the worker");
        assertEquals(List.of(), uiProblems, "network or listening sockets of the UI process");
        assertTrue(fileDescriptors(worker).size() > 3, "could not read the worker's fds");
    }

    /**
     * The process's sockets that reach beyond it: any internet socket, and any Unix socket that
     * is bound to a path or listens. The JDK itself keeps one unbound, connected Unix socket
     * whose peer it closed at once (its NIO "pre-close" descriptor); that one talks to nobody.
     */
    private static List<String> networkSockets(long pid) throws IOException {
        List<String> inodes = sockets(pid).stream().map(s -> s.replaceAll("\\D", "")).toList();
        List<String> problems = new java.util.ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6", "raw", "raw6")) {
            for (String line : table(table)) {
                if (inodes.contains(column(line, 9))) {
                    problems.add(table + ": " + line.strip());
                }
            }
        }
        for (String line : table("unix")) {
            String[] columns = line.trim().split("\\s+");
            boolean ours = columns.length >= 7 && inodes.contains(columns[6]);
            boolean listens = columns.length >= 4 && columns[3].equals("00010000");
            if (ours && (listens || columns.length > 7)) {
                problems.add("unix: " + line.strip());
            }
        }
        return problems;
    }

    private static List<String> table(String name) throws IOException {
        Path path = Path.of("/proc/net", name);
        return Files.isReadable(path) ? Files.readAllLines(path) : List.of();
    }

    private static String column(String line, int index) {
        String[] columns = line.trim().split("\\s+");
        return columns.length > index ? columns[index] : "";
    }

    private long startUi(String ending) throws Exception {
        ui = WorkerLauncher.javaMain(UiProcessStandIn.class.getName(),
                List.of("-Xmx64m", "-XX:+UseSerialGC"), ending,
                SharedModels.path(SharedModels.STORIES).toString()).start();
        Thread drain = new Thread(() -> {
            try {
                ui.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                // The process ended.
            }
        }, "ui-stderr");
        drain.setDaemon(true);
        drain.start();
        String line = readLine(ui, Duration.ofSeconds(90));
        if (line == null || !line.startsWith("WORKER ")) {
            fail("The UI process said " + line + " instead of its worker's pid");
        }
        return Long.parseLong(line.substring("WORKER ".length()));
    }

    private static String readLine(Process process, Duration limit) throws Exception {
        BufferedReader out = Readers.of(process);
        return CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null && !line.matches("[A-Z]+\\b.*")) {
                    continue;
                }
                return line;
            } catch (IOException e) {
                return null;
            }
        }).get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The targets of the process's open descriptors that are sockets. */
    private static List<String> sockets(long pid) throws IOException {
        return fileDescriptors(pid).stream().filter(target -> target.startsWith("socket:"))
                .toList();
    }

    private static List<String> fileDescriptors(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    return "";
                }
            }).toList();
        }
    }

    /** One reader per process, so that lines are not lost between calls. */
    private static final class Readers {
        private static final java.util.Map<Process, BufferedReader> READERS =
                new java.util.concurrent.ConcurrentHashMap<>();

        static BufferedReader of(Process process) {
            return READERS.computeIfAbsent(process, p -> new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }
    }
}
