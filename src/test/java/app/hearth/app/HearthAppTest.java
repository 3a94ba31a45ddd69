package app.hearth.app;

import app.hearth.ui.settings.AppSettings;
import app.hearth.ui.settings.SettingsStore;
import app.hearth.ui.settings.Theme;
import javafx.application.Application;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static app.hearth.ui.chat.ChatTestWaits.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole window as the app builds it, with settings from the data folder. */
@ExtendWith(ApplicationExtension.class)
class HearthAppTest {

    @TempDir
    Path data;

    private final HearthApp app = new HearthApp();
    private Stage stage;

    @Start
    void start(Stage window) throws Exception {
        stage = window;
        new SettingsStore(data.resolve("settings.json")).save(new AppSettings(0, 5, List.of(),
                0, 1024, Theme.DARK));
        System.setProperty("hearth.data.dir", data.toString());
        app.init();
        app.start(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(app::stop);
        System.clearProperty("hearth.data.dir");
        // Later tests in this JVM expect JavaFX's own look.
        robot.interact(() -> Application.setUserAgentStylesheet(null));
    }

    @Test
    void startsDarkFromTheSavedSettingsAndSwitchesToLightInTheDialog(FxRobot robot)
            throws Exception {
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"),
                Application.getUserAgentStylesheet());
        assertTrue(darkOverrides());

        robot.clickOn("#input").press(KeyCode.CONTROL).type(KeyCode.COMMA)
                .release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#settingsDialog").tryQuery().isPresent(),
                "the Settings dialog");
        DialogPane pane = robot.lookup("#settingsDialog").queryAs(DialogPane.class);
        robot.interact(() -> robot.lookup("#theme").queryAs(ChoiceBox.class)
                .setValue(Theme.LIGHT));
        robot.clickOn(pane.lookupButton(ButtonType.OK));
        waitFor(() -> new SettingsStore(data.resolve("settings.json")).load().theme()
                == Theme.LIGHT, "the new settings to be saved");

        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"));
        assertFalse(darkOverrides());
        assertEquals(1024, new SettingsStore(data.resolve("settings.json")).load()
                .defaultContextSize());
    }

    private boolean darkOverrides() {
        return stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css"));
    }
}
