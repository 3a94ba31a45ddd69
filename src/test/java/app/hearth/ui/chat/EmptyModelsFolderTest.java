package app.hearth.ui.chat;

import app.hearth.protocol.Sampling;
import app.hearth.ui.FxBatchingExecutor;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerService;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A first start with an empty models folder explains how to add a model. */
@ExtendWith(ApplicationExtension.class)
class EmptyModelsFolderTest {

    private WorkerService worker;
    private ChatViewModel model;
    private Path folder;

    @Start
    void start(Stage stage) throws IOException {
        folder = Files.createTempDirectory("hearth-empty-models");
        worker = new WorkerService(WorkerLauncher.forThisInstallation(null),
                new FxBatchingExecutor());
        model = new ChatViewModel(worker, Runnable::run, folder, Sampling.DEFAULT);
        stage.setScene(new Scene(new ChatView(model), 800, 600));
        stage.show();
        model.refreshModels();
    }

    @AfterEach
    void cleanUp() throws IOException {
        worker.close();
        Files.deleteIfExists(folder);
    }

    @Test
    void saysWhereToPutAModelAndSendsNothing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> model.getState() == ChatViewModel.State.NO_MODEL);

        String hint = robot.lookup("#emptyState").queryAs(Label.class).getText();
        robot.clickOn("#input").write("Hello");
        robot.interact(model::send);

        assertTrue(hint.contains(folder.toString()), hint);
        assertTrue(hint.contains(".gguf"), hint);
        assertTrue(robot.lookup("#sendButton").query().isDisabled());
        assertEquals(0, model.getMessages().size());
        assertTrue(worker.workerPid().isEmpty(), "no worker starts without a model");
    }
}
