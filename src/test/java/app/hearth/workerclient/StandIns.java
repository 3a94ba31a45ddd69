package app.hearth.workerclient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Builds services over {@link StandInWorker}s with short limits for tests. */
final class StandIns {

    /** Limits short enough for tests yet far above what a loaded machine needs. */
    static final WorkerLimits LIMITS = new WorkerLimits(Duration.ofSeconds(20),
            Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofSeconds(2), Duration.ofSeconds(5));

    private StandIns() {
    }

    /** A service whose n-th worker plays the n-th of the modes (the last one repeats). */
    static WorkerService service(Path folder, WorkerLimits limits, String... modes) {
        WorkerLauncher launcher = WorkerLauncher.javaMain(StandInWorker.class.getName(),
                List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-XX:+ExitOnOutOfMemoryError"),
                String.join(",", modes), folder.resolve("starts.txt").toString());
        return new WorkerService(launcher, Runnable::run, limits);
    }
}
