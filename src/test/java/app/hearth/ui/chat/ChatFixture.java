package app.hearth.ui.chat;

import app.hearth.chat.ConversationStore;
import app.hearth.protocol.Sampling;
import app.hearth.testsupport.SharedModels;
import app.hearth.ui.FxBatchingExecutor;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerService;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A chat view model over the real worker and the shared models, for window tests. */
final class ChatFixture {

    static final long TIMEOUT_SECONDS = 90;
    /** Short, repeatable replies keep each test to a few seconds. */
    static final Sampling SHORT = Sampling.greedy(24);

    private ChatFixture() {
    }

    static WorkerService worker() {
        return new WorkerService(WorkerLauncher.forThisInstallation(null),
                new FxBatchingExecutor());
    }

    /** A model that saves into {@code data} (null: memory only); disk work runs inline. */
    static ChatViewModel model(WorkerService worker, Path data) {
        ConversationStore store = data == null ? null
                : new ConversationStore(data.resolve("conversations"));
        return new ChatViewModel(worker, Runnable::run, SharedModels.folder(), SHORT, store);
    }

    static void waitFor(Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + TIMEOUT_SECONDS + " s waiting for "
                    + what, e);
        }
    }

    /** Waits until the last reply has ended and the window is idle again. */
    static void waitForReply(ChatViewModel model, String what) throws Exception {
        waitFor(() -> {
            List<ChatMessage> messages = model.getMessages();
            return model.getState() != ChatViewModel.State.LOADING_MODEL
                    && model.getState() != ChatViewModel.State.GENERATING
                    && !messages.isEmpty()
                    && messages.get(messages.size() - 1).getStatus()
                            != ChatMessage.Status.STREAMING;
        }, what);
    }

    /** Sends a message through the input box and waits for its complete reply. */
    static void send(FxRobot robot, ChatViewModel model, String text) throws Exception {
        waitFor(() -> model.selectedModelProperty().get() != null, "the model list");
        int before = model.getMessages().size();
        // Typing long texts key by key takes minutes on a loaded machine; Enter is still typed.
        robot.interact(() -> model.inputProperty().set(text));
        robot.clickOn("#input").type(KeyCode.ENTER);
        waitFor(() -> model.getMessages().size() == before + 2, "the message to be sent");
        waitForReply(model, "the reply to " + text);
        assertEquals(ChatMessage.Status.COMPLETE, last(model).getStatus(),
                last(model).getDetails());
    }

    static ChatMessage last(ChatViewModel model) {
        List<ChatMessage> messages = model.getMessages();
        return messages.get(messages.size() - 1);
    }
}
