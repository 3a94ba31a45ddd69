package app.hearth.ui.chat;

import app.hearth.chat.Conversation;
import app.hearth.workerclient.WorkerService;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static app.hearth.ui.chat.ChatFixture.last;
import static app.hearth.ui.chat.ChatFixture.waitFor;
import static app.hearth.ui.chat.ChatFixture.waitForReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sidebar, regenerate, edit and resend, the keys and the context gauge, for real. */
@ExtendWith(ApplicationExtension.class)
class ConversationWindowTest {

    @TempDir
    Path data;

    private WorkerService worker;
    private ChatViewModel model;
    private ChatView view;
    private Stage stage;

    @Start
    void start(Stage window) {
        stage = window;
        worker = ChatFixture.worker();
        model = ChatFixture.model(worker, data);
        view = new ChatView(model);
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
        model.refreshModels();
    }

    @AfterEach
    void stopWorker() {
        worker.close();
    }

    @Test
    void sidebarCreatesRenamesFindsDeletesAndUndoes(FxRobot robot) throws Exception {
        send(robot, "Once upon a time");
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<Conversation> list = robot.lookup("#conversationList").queryListView();
        assertEquals(2, list.getItems().size());
        assertTrue(model.getMessages().isEmpty());

        robot.clickOn("Once upon a time").type(KeyCode.F2);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("Cat stories").type(KeyCode.ENTER);
        robot.clickOn("#conversationSearch").write("cat");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Cat stories"), titles(list));
        assertEquals(2, model.getMessages().size(), "the renamed conversation is open");

        robot.clickOn("Cat stories").type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), titles(list));
        robot.clickOn("#undoDelete");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("Cat stories"), titles(list));
        assertEquals("Cat stories", model.conversations().getCurrent().title());
        assertEquals(2, model.getMessages().size());
    }

    @Test
    void regenerateReplacesTheLastReply(FxRobot robot) throws Exception {
        send(robot, "Once upon a time");
        ChatMessage first = last(model);

        robot.clickOn("#regenerateButton");
        waitFor(() -> last(model) != first, "the regenerated reply to start");
        waitForReply(model, "the regenerated reply");

        assertEquals(2, model.getMessages().size());
        assertNotSame(first, last(model));
        assertEquals(ChatMessage.Status.COMPLETE, last(model).getStatus());
        assertEquals("Once upon a time", model.getMessages().get(0).getText());
    }

    @Test
    void editAndResendReplacesTheLaterTurns(FxRobot robot) throws Exception {
        send(robot, "The dog");
        send(robot, "The cat");
        assertEquals(4, model.getMessages().size());

        robot.clickOn(robot.lookup(".edit-message").nth(0).queryButton());
        assertTrue(robot.lookup("#editBanner").query().isVisible());
        assertEquals("The dog", model.inputProperty().get());
        robot.clickOn("#input").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("The bird").type(KeyCode.ENTER);
        waitFor(() -> model.getMessages().size() == 2, "the edited conversation");
        waitForReply(model, "the reply to the edited message");

        assertEquals("The bird", model.getMessages().get(0).getText());
        assertEquals(ChatMessage.Status.COMPLETE, last(model).getStatus());
        assertFalse(robot.lookup("#editBanner").query().isVisible());
    }

    @Test
    void shortcutsReachTheModelPickerAndSettingsHooks(FxRobot robot) throws Exception {
        AtomicInteger picker = new AtomicInteger();
        AtomicInteger settings = new AtomicInteger();
        robot.interact(() -> {
            model.setModelPicker(picker::incrementAndGet);
            view.setOnOpenSettings(settings::incrementAndGet);
        });

        robot.clickOn("#input");
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, picker.get());
        assertEquals(1, settings.get());
        assertTrue(robot.lookup("#input").query().isFocused());
    }

    @Test
    void gaugeShowsTheContextAndOldTurnsAreLeftOutWhenItFills(FxRobot robot)
            throws Exception {
        robot.interact(() -> model.setModelOptions(160, 0));
        String longer = "Once upon a time there was a little girl who liked to run and play "
                + "in the big green park with her dog every day.";
        send(robot, longer);
        ProgressBar gauge = robot.lookup("#contextGauge").query();
        Label label = robot.lookup("#contextLabel").queryAs(Label.class);
        assertTrue(gauge.getProgress() > 0, "gauge " + gauge.getProgress());
        assertTrue(label.getText().endsWith("/ 160"), label.getText());

        send(robot, longer);
        send(robot, longer);
        assertTrue(model.getMessages().get(0).isLeftOut(), "the oldest turn is left out");
        assertFalse(last(model).isLeftOut());
        assertTrue(model.statusProperty().get().contains("left out")
                        || last(model).getStatus() == ChatMessage.Status.COMPLETE,
                model.statusProperty().get());

        robot.interact(() -> model.inputProperty().set("word ".repeat(400)));
        robot.clickOn("#input").type(KeyCode.ENTER);
        waitForReply(model, "the refusal of a too long message");
        assertEquals(ChatMessage.Status.FAILED, last(model).getStatus());
        assertTrue(model.statusProperty().get().contains("too long"),
                model.statusProperty().get());
    }

    private void send(FxRobot robot, String text) throws Exception {
        ChatFixture.send(robot, model, text);
    }

    private static List<String> titles(ListView<Conversation> list) {
        return list.getItems().stream().map(Conversation::title).toList();
    }
}
