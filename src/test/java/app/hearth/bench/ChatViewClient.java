package app.hearth.bench;

import app.hearth.protocol.Sampling;
import app.hearth.ui.FxBatchingExecutor;
import app.hearth.ui.chat.ChatMessage;
import app.hearth.ui.chat.ChatView;
import app.hearth.ui.chat.ChatViewModel;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerService;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole app path: a ChatView in a headless window, its ChatViewModel and a WorkerService
 * whose events reach the FX thread through the app's batching executor. Replies are driven
 * through the ViewModel (send, stop, messages) and timed on the FX thread.
 */
final class ChatViewClient implements AutoCloseable {

    private final WorkerService service;
    private final ChatViewModel model;
    private final Stage stage;

    /** Opens the window; every reply is greedy and at most {@code maxTokens} long. */
    ChatViewClient(WorkerLauncher launcher, int maxTokens) throws Exception {
        Fx.start();
        this.service = new WorkerService(launcher, new FxBatchingExecutor());
        this.model = Fx.call(() -> new ChatViewModel(service, Runnable::run,
                BenchModels.sharedFolder(), Sampling.greedy(maxTokens)));
        this.stage = Fx.call(() -> {
            Stage window = new Stage();
            window.setScene(new Scene(new ChatView(model), 800, 600));
            window.show();
            return window;
        });
    }

    Stage stage() {
        return stage;
    }

    ChatViewModel model() {
        return model;
    }

    /**
     * Sends {@code prompt} as a new conversation and times the reply from send() to the
     * tokens' arrival in the transcript's message, both on the FX thread.
     */
    Generated generate(Path file, String prompt) throws Exception {
        Reply reply = Fx.call(() -> send(file, prompt));
        return reply.await(WorkerClient.TIMEOUT_SECONDS);
    }

    /** Starts a reply and returns its recorder; call on the FX thread. */
    Reply send(Path file, String prompt) {
        model.getMessages().clear();
        model.selectedModelProperty().set(file);
        model.inputProperty().set(prompt);
        long started = System.nanoTime();
        model.send();
        ChatMessage message = model.getMessages().get(model.getMessages().size() - 1);
        return new Reply(message, started);
    }

    @Override
    public void close() throws Exception {
        Fx.run(stage::close);
        service.close();
    }

    /** Watches one streaming message on the FX thread. */
    static final class Reply {

        private final CountDownLatch end = new CountDownLatch(1);
        private final long started;
        private long first;
        private long last;
        private int tokens;
        private ChatMessage.Status status;

        Reply(ChatMessage message, long started) {
            this.started = started;
            message.textProperty().addListener((obs, old, now) -> onText());
            message.statusProperty().addListener((obs, old, now) -> onStatus(now));
        }

        private void onText() {
            last = System.nanoTime();
            if (tokens == 0) {
                first = last;
            }
            tokens++;
        }

        private void onStatus(ChatMessage.Status now) {
            if (now != ChatMessage.Status.STREAMING) {
                status = now;
                end.countDown();
            }
        }

        Generated await(long timeoutSeconds) throws InterruptedException {
            if (!end.await(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The chat reply did not end within "
                        + timeoutSeconds + " s");
            }
            if (status != ChatMessage.Status.COMPLETE && status != ChatMessage.Status.STOPPED) {
                throw new IllegalStateException("The chat reply ended as " + status);
            }
            return Generated.of(started, first, last, tokens);
        }
    }
}
