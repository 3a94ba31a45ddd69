package app.hearth.workerclient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the installed app starts its worker: through the {@code hearth-worker} launcher that
 * jpackage puts beside the one named by {@code jpackage.app-path}. A shell script stands in for
 * the launcher; packaging/check.sh runs the real one.
 */
final class PackagedWorkerLauncherTest {

    private static final String APP_PATH = "jpackage.app-path";

    @TempDir
    Path folder;

    private String savedAppPath;
    private Path logs;
    private Path worker;

    @BeforeEach
    void installStandInLauncher() throws IOException {
        savedAppPath = System.getProperty(APP_PATH);
        Path bin = Files.createDirectories(folder.resolve("bin"));
        logs = Files.createDirectories(folder.resolve("logs"));
        worker = bin.resolve(WorkerLauncher.WORKER_LAUNCHER);
        Files.writeString(worker, "#!/bin/sh\npwd\n", StandardCharsets.UTF_8);
        assertTrue(worker.toFile().setExecutable(true), "could not make the stand-in executable");
        System.setProperty(APP_PATH, bin.resolve("hearth").toString());
    }

    @AfterEach
    void restoreAppPath() {
        if (savedAppPath == null) {
            System.clearProperty(APP_PATH);
        } else {
            System.setProperty(APP_PATH, savedAppPath);
        }
    }

    @Test
    void choosesTheWorkerLauncherBesideTheRunningLauncher() {
        WorkerLauncher launcher = WorkerLauncher.forThisInstallation(logs);

        String command = launcher.describe();

        assertEquals(worker.toString(), command);
    }

    @Test
    void startsTheWorkerLauncherInTheLogFolderSoItsCrashReportLandsThere() throws Exception {
        WorkerLauncher launcher = WorkerLauncher.forThisInstallation(logs);

        Process process = launcher.start();
        process.getOutputStream().close();
        String printed = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).strip();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);

        assertTrue(exited, "the stand-in worker launcher did not exit within 60 s");
        assertEquals(logs.toRealPath().toString(), printed);
    }
}
