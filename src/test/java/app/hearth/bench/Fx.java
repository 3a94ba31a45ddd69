package app.hearth.bench;

import javafx.application.Platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Starts JavaFX headless (Monocle) once and runs work on its thread. */
final class Fx {

    static final long TIMEOUT_SECONDS = 60;
    private static boolean started;

    private Fx() {
    }

    /** Starts the toolkit headless unless the command line chose otherwise. Main thread. */
    static synchronized void start() throws Exception {
        if (started) {
            return;
        }
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform",
                System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Platform.startup(() -> ready.complete(null));
        ready.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        started = true;
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    static <T> T call(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    static void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Shows the chat window at the app's first size with its stylesheet and the light theme,
     * as the benchmarks of the window measure it. FX thread.
     */
    static javafx.stage.Stage chatWindow(app.hearth.ui.chat.ChatViewModel chat) {
        javafx.scene.Scene scene = new javafx.scene.Scene(
                new app.hearth.ui.chat.ChatView(chat), 1240, 680);
        scene.getStylesheets().add(Fx.class.getResource("/app/hearth/ui/app.css")
                .toExternalForm());
        applyTheme(app.hearth.ui.settings.Theme.LIGHT, scene);
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /** Sets a theme as the settings do. FX thread. */
    static void applyTheme(app.hearth.ui.settings.Theme theme, javafx.scene.Scene scene) {
        try (app.hearth.ui.settings.ThemeWatcher themes =
                new app.hearth.ui.settings.ThemeWatcher(scene, false)) {
            themes.use(theme);
        }
    }
}
