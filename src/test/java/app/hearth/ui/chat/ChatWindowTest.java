package app.hearth.ui.chat;

import app.hearth.protocol.Sampling;
import app.hearth.testsupport.SharedModels;
import app.hearth.ui.FxBatchingExecutor;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerService;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real chat window wired to the real WorkerService and worker, headless. */
@ExtendWith(ApplicationExtension.class)
class ChatWindowTest {

    private static final long TIMEOUT_SECONDS = 60;

    private WorkerService worker;
    private ChatViewModel model;

    @Start
    void start(Stage stage) {
        worker = new WorkerService(WorkerLauncher.forThisInstallation(null),
                new FxBatchingExecutor());
        model = new ChatViewModel(worker, Runnable::run, SharedModels.folder(),
                Sampling.DEFAULT.withMaxTokens(100_000).withSeed(3));
        stage.setScene(new Scene(new ChatView(model), 800, 600));
        stage.show();
        model.refreshModels();
    }

    @AfterEach
    void stopWorker() {
        worker.close();
    }

    @Test
    void streamsAReplyToATypedMessage(FxRobot robot) throws Exception {
        waitFor(() -> model.selectedModelProperty().get() != null, "the model list");
        assertEquals("stories260K.gguf",
                model.selectedModelProperty().get().getFileName().toString());

        robot.clickOn("#input").write("Once upon a time").type(KeyCode.ENTER);
        waitFor(() -> assistant() != null && assistant().getText().length() > 30,
                "streamed text");
        robot.clickOn("#stopButton");
        waitFor(() -> model.getState() == ChatViewModel.State.IDLE, "idle after Stop");

        assertEquals("Once upon a time", model.getMessages().get(0).getText());
        assertEquals(ChatMessage.Status.STOPPED, assistant().getStatus());
        assertFalse(assistant().getText().isBlank());
        assertTrue(robot.lookup("#input").queryTextInputControl().getText().isEmpty());
        assertTrue(robot.lookup("#input").query().isFocused(), "the caret stays in the input");
    }

    @Test
    void keepsTheStoppedTextAndAnswersTheNextMessage(FxRobot robot) throws Exception {
        waitFor(() -> model.selectedModelProperty().get() != null, "the model list");
        robot.clickOn("#input").write("The dog").type(KeyCode.ENTER);
        waitFor(() -> assistant() != null && assistant().getText().length() > 10,
                "streamed text");

        robot.type(KeyCode.ESCAPE);
        waitFor(() -> model.getState() == ChatViewModel.State.IDLE, "idle after Esc");
        String stoppedText = assistant().getText();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        String later = assistant().getText();

        assertEquals(stoppedText, later, "no text arrives after Stop");
        robot.clickOn("#input").write("Then").type(KeyCode.ENTER);
        waitFor(() -> model.getMessages().size() == 4 && assistant().getText().length() > 5,
                "the second reply");
        robot.clickOn("#stopButton");
        waitFor(() -> model.getState() == ChatViewModel.State.IDLE, "idle after Stop");
    }

    @Test
    void sendsNothingForABlankMessageAndBreaksLinesWithShiftEnter(FxRobot robot)
            throws Exception {
        waitFor(() -> model.selectedModelProperty().get() != null, "the model list");

        robot.clickOn("#input").type(KeyCode.ENTER);
        robot.write("first").press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT)
                .write("second");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(model.getMessages().isEmpty());
        assertEquals("first\nsecond", model.inputProperty().get());
    }

    private ChatMessage assistant() {
        var messages = model.getMessages();
        if (messages.isEmpty()) {
            return null;
        }
        ChatMessage last = messages.get(messages.size() - 1);
        return last.getRole() == ChatMessage.Role.ASSISTANT ? last : null;
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, String what)
            throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out after " + TIMEOUT_SECONDS + " s waiting for "
                    + what, e);
        }
    }
}
