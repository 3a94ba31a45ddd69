package app.hearth.ui.settings;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {

    private SettingsDialog dialog;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
        dialog = new SettingsDialog(AppSettings.DEFAULT, 12L << 30);
        dialog.initOwner(stage);
        dialog.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            dialog.setResult(null);
            dialog.close();
        });
    }

    @Test
    void returnsTheChangedSettingsOnOk(FxRobot robot) {
        robot.interact(() -> {
            field(robot, "#contextSize").setText("8192");
            field(robot, "#threads").setText("3");
            robot.lookup("#modelsFolders").queryTextInputControl().setText("/a\n\n/b ");
        });

        AppSettings result = convert(robot);

        assertEquals(8192, result.defaultContextSize());
        assertEquals(3, result.threads());
        assertEquals(List.of("/a", "/b"), result.modelsFolders());
        assertEquals(Theme.SYSTEM, result.theme());
    }

    @Test
    void anEmptyBudgetIsAutomaticAndSaysHowMuchThatIs(FxRobot robot) {
        TextField budget = field(robot, "#memoryBudget");

        String shown = budget.getText();
        String hint = budget.getPromptText();
        robot.interact(() -> budget.setText("2.5"));
        long chosen = convert(robot).memoryBudgetBytes();
        robot.interact(() -> budget.setText(" "));
        long automatic = convert(robot).memoryBudgetBytes();

        assertEquals("", shown);
        assertEquals("Automatic: 12.0", hint);
        assertEquals((long) (2.5 * (1L << 30)), chosen);
        assertEquals(0, automatic);
    }

    @Test
    void disablesOkWhileANumberDoesNotParse(FxRobot robot) {
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);

        robot.interact(() -> field(robot, "#idleExpiry").setText("soon"));
        boolean disabledWhileWrong = ok.isDisabled();
        robot.interact(() -> field(robot, "#idleExpiry").setText("15"));

        assertTrue(disabledWhileWrong);
        assertFalse(ok.isDisabled());
    }

    private AppSettings convert(FxRobot robot) {
        AppSettings[] result = new AppSettings[1];
        robot.interact(() -> result[0] = dialog.getResultConverter().call(ButtonType.OK));
        return result[0];
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }
}
