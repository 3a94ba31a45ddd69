package app.hearth.ui.quarantine;

import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import app.hearth.ui.FxBatchingExecutor;
import app.hearth.workerclient.GenerationListener;
import app.hearth.workerclient.StandInWorker;
import app.hearth.workerclient.WorkerError;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model that crashed the worker twice is named in a banner and can be tried again. */
@ExtendWith(ApplicationExtension.class)
class QuarantineBannerTest {

    private static final String MODEL = "/models/crashy.gguf";

    private WorkerService worker;
    private Path folder;

    @Start
    void start(Stage stage) throws IOException {
        folder = Files.createTempDirectory("hearth-quarantine");
        // Stand-in workers: the first two crash on their first request, the third answers.
        WorkerLauncher launcher = WorkerLauncher.javaMain(StandInWorker.class.getName(),
                List.of("-Xmx32m", "-XX:+UseSerialGC"), "crash,crash,echo",
                folder.resolve("starts.txt").toString());
        worker = new WorkerService(launcher, new FxBatchingExecutor());
        stage.setScene(new Scene(new QuarantineBanner(new QuarantineViewModel(worker)), 600,
                80));
        stage.show();
    }

    @AfterEach
    void stopWorker() throws IOException {
        worker.close();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    @Test
    void namesTheModelAndTriesItAgainOnRequest(FxRobot robot) throws Exception {
        assertFalse(robot.lookup("#quarantineBanner").query().isVisible());

        end(generate("one"));
        end(generate("two"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#quarantineBanner").query().isVisible());
        String text = robot.lookup("#quarantineBanner .label").queryAs(Label.class).getText();
        robot.clickOn("#retryQuarantined");
        WaitForAsyncUtils.waitForFxEvents();
        Object answer = end(generate("three"));

        assertTrue(text.contains("crashy.gguf stopped the engine twice"), text);
        assertFalse(robot.lookup("#quarantineBanner").query().isVisible());
        assertTrue(worker.quarantinedModels().isEmpty());
        assertTrue(answer instanceof DoneEvent, "answered after Try again: " + answer);
        assertEquals(3, Files.readAllLines(folder.resolve("starts.txt")).size());
    }

    private CompletableFuture<Object> generate(String prompt) {
        CompletableFuture<Object> end = new CompletableFuture<>();
        worker.generate(MODEL, prompt, Sampling.greedy(4), ModelOptions.DEFAULT, List.of(),
                new GenerationListener() {
                    @Override
                    public void onToken(String text) {
                    }

                    @Override
                    public void onDone(DoneEvent done) {
                        end.complete(done);
                    }

                    @Override
                    public void onError(WorkerError error) {
                        end.complete(error);
                    }
                });
        return end;
    }

    private static Object end(CompletableFuture<Object> reply) throws Exception {
        return reply.get(60, TimeUnit.SECONDS);
    }
}
