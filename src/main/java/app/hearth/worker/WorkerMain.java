package app.hearth.worker;

import app.hearth.app.Logging;
import app.hearth.cache.CacheEntry;
import app.hearth.cache.ModelCache;
import app.hearth.memory.ByteSize;
import app.hearth.memory.MemoryBudget;
import app.hearth.memory.ProcessMemory;
import app.hearth.protocol.CachedModel;
import app.hearth.protocol.HelloEvent;
import app.hearth.protocol.LineReader;
import app.hearth.protocol.ModelsEvent;
import app.hearth.protocol.Protocol;
import app.hearth.protocol.UnloadedEvent;
import org.tinylog.Logger;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The worker process: serves the line protocol on stdin and stdout until stdin ends.
 *
 * <p>Started by the UI's WorkerService, never by people. The real stdout belongs to the
 * {@link ProtocolWriter} alone; {@code System.out} is pointed at stderr before any library
 * loads, because the binding prints there.
 */
public final class WorkerMain {

    private static final String LLAMA_TMPDIR = "de.kherud.llama.tmpdir";
    /** How long an unused model stays until the UI says otherwise, in ms. */
    static final long DEFAULT_IDLE_EXPIRY_MS = 10 * 60_000;
    private static final String LIBRARY_FOLDER_PREFIX = "hearth-llama-";
    private static final Pattern STALE_FOLDER =
            Pattern.compile(LIBRARY_FOLDER_PREFIX + "(\\d{1,10})-\\d+");

    private WorkerMain() {
    }

    /** Entry point of the worker process. */
    public static void main(String[] args) {
        ProtocolWriter writer = new ProtocolWriter(new FileOutputStream(FileDescriptor.out));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true,
                StandardCharsets.UTF_8));
        Logging.toStderr();
        int status = 0;
        try {
            ParentWatch.start(2000);
            usePrivateLibraryFolder();
            serve(writer);
        } catch (Throwable e) {
            Logger.error(e, "The worker failed");
            status = 1;
        }

        // The binding leaves a non-daemon native thread behind; only exit() ends the JVM.
        System.exit(status);
    }

    private static void serve(ProtocolWriter writer) throws IOException {
        int threads = Integer.getInteger("hearth.threads",
                Runtime.getRuntime().availableProcessors());
        ProcessMemory memory = new ProcessMemory();
        MemoryMonitor monitor = new MemoryMonitor(writer, memory);
        ModelCache<LoadedModel> cache = new ModelCache<>(new LlamaLoader(),
                new GgufModelSizer(), () -> memory.read().residentBytes(),
                System::currentTimeMillis,
                entries -> {
                    writer.send(modelsOf(entries));
                    monitor.publishSoon();
                },
                (entry, reason) -> {
                    Logger.info("Freed {} ({}), {} estimated, {} measured",
                            entry.key().path().getFileName(), reason,
                            ByteSize.format(entry.estimatedBytes()),
                            ByteSize.format(entry.measuredBytes()));
                    if (!"requested".equals(reason)) {
                        writer.send(new UnloadedEvent(null, entry.key().path().toString(),
                                reason));
                    }
                });
        cache.configure(MemoryBudget.defaultFor(memory.read().systemTotalBytes()),
                DEFAULT_IDLE_EXPIRY_MS);
        monitor.start(cache);

        long pid = ProcessHandle.current().pid();
        writer.send(new HelloEvent(Protocol.VERSION, pid, threads));
        Logger.info("Worker {} ready, protocol {}, {} threads", pid, Protocol.VERSION, threads);

        // Bounded lines: one huge line must not fill the worker's small heap.
        LineReader in = new LineReader(System.in, Protocol.MAX_LINE_CHARS);
        RequestLoop loop = new RequestLoop(in, writer, cache, monitor, threads);
        loop.run();
        monitor.close();
        loop.stopGenerations(3000);
    }

    private static ModelsEvent modelsOf(List<CacheEntry> entries) {
        long now = System.currentTimeMillis();
        return new ModelsEvent(entries.stream()
                .map(entry -> new CachedModel(entry.key().path().toString(),
                        entry.state().wireName(), entry.pinned(),
                        entry.users() > 0 ? 0 : now - entry.lastUsedMs(),
                        entry.estimatedBytes(), entry.measuredBytes(),
                        entry.key().contextSize(), entry.key().threads()))
                .toList());
    }

    /**
     * The binding deletes every llama library in its extraction folder and extracts to a
     * fixed name, so two JVMs sharing a folder break each other (DESIGN.md §3). The folder's
     * name carries the pid, so that the folders of workers that were killed before their
     * shutdown hook ran (5 MB each) are found and removed by the next worker.
     */
    private static void usePrivateLibraryFolder() throws IOException {
        if (System.getProperty(LLAMA_TMPDIR) != null) {
            return;
        }
        long pid = ProcessHandle.current().pid();
        Path folder = Files.createTempDirectory(LIBRARY_FOLDER_PREFIX + pid + "-");
        System.setProperty(LLAMA_TMPDIR, folder.toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder),
                "delete-llama-tmpdir"));
        deleteFoldersOfDeadWorkers(folder.getParent());
    }

    private static void deleteFoldersOfDeadWorkers(Path temp) {
        try (Stream<Path> entries = Files.list(temp)) {
            entries.filter(WorkerMain::isFolderOfDeadWorker).forEach(WorkerMain::deleteQuietly);
        } catch (IOException e) {
            Logger.debug("Could not look for stale library folders: {}", e.getMessage());
        }
    }

    private static boolean isFolderOfDeadWorker(Path folder) {
        Matcher name = STALE_FOLDER.matcher(String.valueOf(folder.getFileName()));
        return name.matches() && Files.isDirectory(folder)
                && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty();
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: the folder lives in the system's temp dir.
        }
    }
}
