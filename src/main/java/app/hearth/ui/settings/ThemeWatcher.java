package app.hearth.ui.settings;

import javafx.application.Platform;
import javafx.scene.Scene;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Gives the window the chosen {@link Theme} and, while that is {@link Theme#SYSTEM}, asks the
 * system every {@link #INTERVAL} whether it prefers dark and switches the look when the
 * answer changes. The asking runs on a daemon thread of its own ({@code theme-watch}), the
 * switching on the FX thread.
 *
 * <p>{@link #use} runs on the FX thread; {@link #close} and {@link #askSystem} on any.
 */
public final class ThemeWatcher implements AutoCloseable {

    /** How often the system is asked while the window follows it. */
    public static final Duration INTERVAL = Duration.ofSeconds(30);
    /** How long one of the system's tools may take to answer. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private final Scene scene;
    private final BooleanSupplier system;
    private final Duration interval;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "theme-watch");
                thread.setDaemon(true);
                return thread;
            });
    private volatile boolean systemDark;
    // FX thread only.
    private Theme theme = Theme.LIGHT;
    private ScheduledFuture<?> following;

    /**
     * @param scene          the window's scene
     * @param systemDarkNow  the system's answer as last asked, by {@link #askSystem()}
     */
    public ThemeWatcher(Scene scene, boolean systemDarkNow) {
        this(scene, systemDarkNow, ThemeWatcher::askSystem, INTERVAL);
    }

    ThemeWatcher(Scene scene, boolean systemDarkNow, BooleanSupplier system,
            Duration interval) {
        this.scene = scene;
        this.systemDark = systemDarkNow;
        this.system = system;
        this.interval = interval;
    }

    /**
     * Whether this desktop prefers dark windows now. Runs the platform's tools for up to a
     * few seconds: never on the FX thread.
     */
    public static boolean askSystem() {
        return SystemTheme.prefersDark(System.getProperty("os.name", ""), System.getenv(),
                CommandOutput.processes(COMMAND_TIMEOUT));
    }

    /** Applies the theme now, and follows the system from now on while it is SYSTEM. */
    public void use(Theme chosen) {
        theme = chosen;
        Themes.apply(isDark(), scene);
        if (chosen == Theme.SYSTEM && following == null) {
            following = checks.scheduleWithFixedDelay(this::check, 0, interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else if (chosen != Theme.SYSTEM && following != null) {
            following.cancel(false);
            following = null;
        }
    }

    /** Whether the system is being asked; FX thread. */
    boolean followsSystem() {
        return following != null;
    }

    /** Stops asking the system. */
    @Override
    public void close() {
        checks.shutdownNow();
    }

    /** Runs on the watch thread. */
    private void check() {
        boolean dark;
        try {
            dark = system.getAsBoolean();
        } catch (RuntimeException e) {
            // A failure must not end the schedule: the next check may well succeed.
            Logger.warn(e, "Could not ask the system for its theme");
            return;
        }
        if (dark != systemDark) {
            systemDark = dark;
            Platform.runLater(this::systemChanged);
        }
    }

    private void systemChanged() {
        if (theme == Theme.SYSTEM) {
            Themes.apply(systemDark, scene);
        }
    }

    private boolean isDark() {
        return theme == Theme.DARK || (theme == Theme.SYSTEM && systemDark);
    }
}
