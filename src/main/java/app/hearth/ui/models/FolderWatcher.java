package app.hearth.ui.models;

import org.tinylog.Logger;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Tells when files appear, change or disappear in some folders. Events are collected on one
 * named daemon thread, {@code model-folder-watch}, and reported after a short quiet spell, so
 * a file being copied costs a few reports rather than one per write. Thread-safe.
 *
 * <p>Where the system offers no watch service, nothing is reported and the picker's Refresh
 * button remains.
 */
final class FolderWatcher implements AutoCloseable {

    /** How long the folders must stay quiet before a change is reported, in ms. */
    private static final long QUIET_MS = 150;
    /** Report at least this often while changes keep coming (a long copy), in rounds. */
    private static final int MAX_QUIET_ROUNDS = 6;

    private final Runnable onChange;
    private final Set<Path> watched = new HashSet<>();
    private WatchService service;
    private boolean closed;

    /** @param onChange called on the watch thread after files changed */
    FolderWatcher(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Watches these folders too; missing ones and ones already watched are skipped. */
    synchronized void watch(Collection<Path> folders) {
        if (closed || !start()) {
            return;
        }
        for (Path folder : folders) {
            if (watched.contains(folder) || !Files.isDirectory(folder)) {
                continue;
            }
            try {
                folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                watched.add(folder);
            } catch (IOException e) {
                Logger.warn("Cannot watch {} for new models: {}", folder, e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                Logger.debug("Closing the folder watch: {}", e.getMessage());
            }
        }
    }

    private boolean start() {
        if (service != null) {
            return true;
        }
        try {
            service = FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            Logger.warn("No folder watching here ({}); use Refresh", e.getMessage());
            return false;
        }
        Thread thread = new Thread(() -> run(service), "model-folder-watch");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    private void run(WatchService events) {
        try {
            while (true) {
                consume(events.take());
                // Let a burst of events (a copy in progress) settle into one report.
                for (int round = 0; round < MAX_QUIET_ROUNDS; round++) {
                    WatchKey more = events.poll(QUIET_MS, TimeUnit.MILLISECONDS);
                    if (more == null) {
                        break;
                    }
                    consume(more);
                }
                onChange.run();
            }
        } catch (ClosedWatchServiceException e) {
            Logger.debug("Folder watch closed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void consume(WatchKey key) {
        key.pollEvents();
        key.reset();
    }
}
