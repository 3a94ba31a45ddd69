package app.hearth.ui.chat;

import app.hearth.protocol.Sampling;
import app.hearth.testsupport.SharedModels;
import app.hearth.ui.FxBatchingExecutor;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerLimits;
import app.hearth.workerclient.WorkerService;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window through a worker crash in the middle of a reply, with the real worker. */
@ExtendWith(ApplicationExtension.class)
class ChatCrashRecoveryTest {

    private static final long WAIT_SECONDS = 60;

    private WorkerService worker;
    private ChatViewModel chat;

    @Start
    void start(Stage stage) {
        worker = new WorkerService(WorkerLauncher.javaMain(WorkerLauncher.WORKER_MAIN,
                WorkerLauncher.workerJvmOptions(null)), new FxBatchingExecutor(),
                WorkerLimits.DEFAULT);
        Path stories = SharedModels.path(SharedModels.STORIES);
        chat = new ChatViewModel(worker, Runnable::run, stories.getParent(),
                Sampling.DEFAULT.withSeed(1).withMaxTokens(1500));
        chat.selectedModelProperty().set(stories);
        stage.setScene(new Scene(new ChatView(chat), 800, 600));
        stage.show();
    }

    @AfterEach
    void closeWorker() {
        worker.close();
    }

    @Test
    void killedWorkerLeavesThePartialReplyInterruptedAndTheNextMessageIsAnswered(
            FxRobot robot) throws Exception {
        send(robot, "Once upon a time");
        await("the first words of the reply", () -> assistantText(1).length() > 20);
        long pid = worker.workerPid().orElseThrow();
        String seen = onFx(() -> assistantText(1));

        long killedAt = System.nanoTime();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        await("the reply marked interrupted",
                () -> message(1).getStatus() == ChatMessage.Status.INTERRUPTED);
        long interruptedAt = System.nanoTime();
        String statusLine = onFx(() -> chat.statusProperty().get());
        send(robot, "The cat");
        await("words of the next reply", () -> chat.getMessages().size() == 4
                && !assistantText(3).isEmpty());
        long answeredAt = System.nanoTime();
        robot.clickOn("#stopButton");
        WaitForAsyncUtils.waitForFxEvents();

        ChatMessage interrupted = onFx(() -> message(1));
        assertTrue(onFx(interrupted::getText).startsWith(seen));
        assertTrue(onFx(interrupted::getDetails).contains("stopped unexpectedly"));
        assertEquals(onFx(interrupted::getDetails), statusLine);
        assertFalse(onFx(interrupted::getDetails).contains("Exception"));
        assertTrue(hasPseudoClass(robot, 1, "interrupted"));
        assertEquals(ChatMessage.Status.STOPPED, onFx(() -> message(3).getStatus()));
        assertNotEquals(pid, worker.workerPid().orElseThrow());
        System.out.printf(java.util.Locale.ROOT,
                "MEASURED | window: worker killed mid-reply | %s | %.0f ms to interrupted, "
                        + "%.0f ms to the next reply's first words%n", statusLine,
                (interruptedAt - killedAt) / 1e6, (answeredAt - killedAt) / 1e6);
    }

    private void send(FxRobot robot, String text) {
        robot.interact(() -> chat.inputProperty().set(text));
        robot.clickOn("#sendButton");
    }

    private String assistantText(int index) {
        return chat.getMessages().size() > index ? message(index).getText() : "";
    }

    private ChatMessage message(int index) {
        return chat.getMessages().get(index);
    }

    private boolean hasPseudoClass(FxRobot robot, int index, String name) throws Exception {
        VBox transcript = robot.lookup("#transcript").queryAs(VBox.class);
        return onFx(() -> {
            Node bubble = transcript.getChildren().get(index);
            return bubble.getPseudoClassStates().contains(PseudoClass.getPseudoClass(name));
        });
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                    () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + WAIT_SECONDS + " s waiting for "
                    + what, e);
        }
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
