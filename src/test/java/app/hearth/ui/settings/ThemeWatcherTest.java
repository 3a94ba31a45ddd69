package app.hearth.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window follows the system's light or dark preference live, and only when asked to. */
@ExtendWith(ApplicationExtension.class)
class ThemeWatcherTest {

    private final AtomicBoolean systemDark = new AtomicBoolean();
    private final AtomicInteger asked = new AtomicInteger();
    private Scene scene;
    private ThemeWatcher watcher;

    @Start
    void start(Stage stage) {
        scene = new Scene(new StackPane(), 200, 100);
        stage.setScene(scene);
        stage.show();
        watcher = new ThemeWatcher(scene, false, () -> {
            asked.incrementAndGet();
            return systemDark.get();
        }, Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        watcher.close();
    }

    @Test
    void switchesLiveWhenTheSystemTurnsDarkAndBack(FxRobot robot) throws Exception {
        robot.interact(() -> watcher.use(Theme.SYSTEM));
        assertFalse(isDark());

        systemDark.set(true);
        waitFor(this::isDark, "the dark look");
        systemDark.set(false);
        waitFor(() -> !isDark(), "the light look");
    }

    @Test
    void aChosenThemeStaysWhateverTheSystemSays(FxRobot robot) throws Exception {
        robot.interact(() -> watcher.use(Theme.SYSTEM));
        waitFor(() -> asked.get() > 0, "the first question to the system");

        robot.interact(() -> watcher.use(Theme.LIGHT));
        systemDark.set(true);
        robot.interact(() -> { });

        assertFalse(watcher.followsSystem());
        assertFalse(isDark());
        robot.interact(() -> watcher.use(Theme.DARK));
        assertTrue(isDark());
    }

    /** Whether the window looks dark, read on the FX thread, where the look changes. */
    private boolean isDark() throws Exception {
        return WaitForAsyncUtils.asyncFx(this::looksDark).get(10, TimeUnit.SECONDS);
    }

    private boolean looksDark() {
        boolean overrides = scene.getStylesheets().contains(Themes.darkOverrides());
        String agent = Application.getUserAgentStylesheet();
        boolean primerDark = new PrimerDark().getUserAgentStylesheet().equals(agent);
        boolean primerLight = new PrimerLight().getUserAgentStylesheet().equals(agent);
        if (overrides != primerDark || primerDark == primerLight) {
            throw new AssertionError("half a theme: overrides " + overrides + ", " + agent);
        }
        return primerDark;
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, String what)
            throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out after 10 s waiting for " + what, e);
        }
    }
}
