package app.hearth.ui.memory;

import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import app.hearth.testsupport.RecordingListener;
import app.hearth.testsupport.SharedModels;
import app.hearth.ui.FxBatchingExecutor;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerService;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class MemoryPanelViewTest {

    private static final String ROW = "#model-stories260K_gguf";

    private final List<String> shownStates = new CopyOnWriteArrayList<>();
    private WorkerService worker;

    @Start
    void start(Stage stage) {
        worker = new WorkerService(WorkerLauncher.javaMain(WorkerLauncher.WORKER_MAIN,
                WorkerLauncher.workerJvmOptions(null)), new FxBatchingExecutor());
        MemoryPanelView view = new MemoryPanelView(
                new MemoryPanelViewModel(worker, System::currentTimeMillis));
        Scene scene = new Scene(view, 320, 480);
        scene.getStylesheets().add(MemoryPanelView.class
                .getResource("/app/hearth/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        // The rows live in a scroll pane, whose content joins the scene with its skin.
        recordShownStates(view);
    }

    @AfterEach
    void closeWorker() {
        worker.close();
    }

    @Test
    void showsAModelLoadingThenGeneratingAndDropsItsRowWhenUnloaded(FxRobot robot)
            throws Exception {
        Path stories = SharedModels.stories();

        generate(stories).get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> shownStates.contains("ready"));
        robot.clickOn(ROW + " .unload");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup(ROW).tryQuery().isEmpty());

        assertTrue(shownStates.indexOf("loading") >= 0, "never shown loading: " + shownStates);
        assertTrue(shownStates.indexOf("generating") > shownStates.indexOf("loading"),
                "not shown generating after loading: " + shownStates);
        assertTrue(robot.lookup("#noModels").query().isVisible(), "no empty state shown");
    }

    /** Notes the state text of the model's row each time the panel rebuilds its rows. */
    private void recordShownStates(MemoryPanelView view) {
        VBox rows = (VBox) view.lookup("#modelRows");
        rows.getChildren().addListener((ListChangeListener<Node>) change -> {
            Node row = rows.lookup(ROW);
            if (row != null) {
                shownStates.add(((Label) row.lookup(".model-state")).getText());
            }
        });
    }

    private CompletableFuture<DoneEvent> generate(Path model) {
        RecordingListener reply = new RecordingListener();
        worker.generate(model.toString(), "Once upon a time", Sampling.greedy(200),
                ModelOptions.DEFAULT, List.of(), reply);
        return reply.outcome();
    }

}
