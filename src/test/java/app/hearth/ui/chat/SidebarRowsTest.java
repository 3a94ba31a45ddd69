package app.hearth.ui.chat;

import app.hearth.chat.Conversation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sidebar's rows: title over model and time, and a rename field that reads as one. */
class SidebarRowsTest extends RealChatWindow {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void f2SelectsTheWholeTitleWithTheCaretAtItsEndAndTypingReplacesIt(FxRobot robot)
            throws Exception {
        ChatFixture.send(robot, model, "Once upon a time");
        ListView<?> list = robot.lookup("#conversationList").queryListView();
        robot.interact(list::requestFocus);

        robot.type(KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();

        TextField field = robot.lookup(".rename-field").queryAs(TextField.class);
        assertTrue(field.isFocused(), "the rename field has the keyboard");
        assertEquals("Once upon a time", field.getSelectedText());
        assertEquals(field.getLength(), field.getCaretPosition());
        robot.write("Cats").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Cats", model.conversations().getCurrent().title());
    }

    @Test
    void aNewConversationOpenedWhileAReplyStreamsStaysTheSelectedRow(FxRobot robot)
            throws Exception {
        ChatFixture.waitFor(() -> model.selectedModelProperty().get() != null, "the models");
        robot.interact(() -> {
            model.applySettings("", ChatFixture.SHORT.withMaxTokens(100_000));
            model.inputProperty().set("Once upon a time");
            model.send();
        });
        ChatFixture.waitFor(() -> model.getMessages().size() == 2
                && ChatFixture.last(model).getText().length() > 20, "streamed text");

        robot.clickOn("#input").press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        ListView<Conversation> list = robot.lookup("#conversationList").queryListView();
        assertTrue(model.getMessages().isEmpty(), "the new conversation is shown");
        assertEquals(Conversation.UNTITLED, model.conversations().getCurrent().title(),
                "the new conversation is the open one");
        assertEquals(Conversation.UNTITLED, list.getSelectionModel().getSelectedItem().title());
    }

    @Test
    void aRowShowsTheModelAndHowLongAgoUnderTheTitle(FxRobot robot) throws Exception {
        ChatFixture.send(robot, model, "Once upon a time");
        WaitForAsyncUtils.waitForFxEvents();

        Label title = robot.lookup(".conversation-title").queryAs(Label.class);
        Label about = robot.lookup(".conversation-about").queryAs(Label.class);
        assertEquals("Once upon a time", title.getText());
        assertEquals("stories260K · just now", about.getText());
    }
}
