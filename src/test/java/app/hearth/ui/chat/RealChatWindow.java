package app.hearth.ui.chat;

import app.hearth.workerclient.WorkerService;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A chat window over the real worker and the shared models, conversations in memory, open
 * for each test; the worker ends after it. Subclasses call {@link #open} from their own
 * {@code @Start} method, since TestFX looks for one in the test class alone.
 */
@ExtendWith(ApplicationExtension.class)
abstract class RealChatWindow {

    WorkerService worker;
    ChatViewModel model;

    /** Opens the window on the stage TestFX gives. */
    void open(Stage stage) throws Exception {
        worker = ChatFixture.worker();
        model = ChatFixture.model(worker, null);
        prepare(model);
        stage.setScene(new Scene(new ChatView(model), 1000, 700));
        stage.show();
        model.refreshModels();
    }

    /** Runs before the window opens and lists the models; nothing by default. */
    void prepare(ChatViewModel chat) throws Exception {
    }

    @AfterEach
    void stopWorker() {
        worker.close();
    }
}
