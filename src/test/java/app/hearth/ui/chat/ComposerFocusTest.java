package app.hearth.ui.chat;

import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static app.hearth.ui.chat.ChatFixture.last;
import static app.hearth.ui.chat.ChatFixture.waitFor;
import static app.hearth.ui.chat.ChatFixture.waitForReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After Edit, Regenerate and Apply the caret is in the input box, where typing goes on. */
class ComposerFocusTest extends RealChatWindow {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void editPutsTheCaretAtTheEndOfTheMessage(FxRobot robot) throws Exception {
        ChatFixture.send(robot, model, "What did Tom eat?");

        robot.clickOn(robot.lookup(".edit-message").nth(0).queryButton());
        robot.write("X");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("What did Tom eat?X", model.inputProperty().get());
        assertTrue(input(robot).isFocused());
    }

    @Test
    void regenerateGivesTheFocusBackToTheInput(FxRobot robot) throws Exception {
        ChatFixture.send(robot, model, "Once upon a time");
        ChatMessage first = last(model);
        robot.clickOn("#conversationSearch");
        assertFalse(input(robot).isFocused());

        robot.clickOn("#regenerateButton");
        waitFor(() -> last(model) != first, "the regenerated reply to start");
        waitForReply(model, "the regenerated reply");

        assertTrue(input(robot).isFocused(), "focus on " + focusOwner(robot));
    }

    @Test
    void applyingConversationSettingsGivesTheFocusBackToTheInput(FxRobot robot)
            throws Exception {
        waitFor(() -> model.selectedModelProperty().get() != null, "the model list");
        robot.clickOn("#conversationSettingsButton");
        robot.doubleClickOn("#maxTokens").write("32");

        robot.clickOn("#applyConversationSettings");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(32, model.getSampling().maxTokens());
        assertTrue(input(robot).isFocused(), "focus on " + focusOwner(robot));
    }

    private static TextArea input(FxRobot robot) {
        return robot.lookup("#input").queryAs(TextArea.class);
    }

    private static Node focusOwner(FxRobot robot) {
        return input(robot).getScene().getFocusOwner();
    }
}
