package app.hearth.ui.window;

import javafx.application.Platform;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Works around JDK-8316423 (fixed in JavaFX 22, present in the 21 we run): on GNOME's recent
 * mutter and on other window managers such as openbox, a window shown with a size opens at the
 * window system's default of 200 x 200 while JavaFX believes it has the size asked for. Giving
 * the size again once the window is on screen reaches the window manager.
 */
public final class WindowSizeGuard {

    private WindowSizeGuard() {
    }

    /** Re-applies the window's size each time it is shown. */
    public static void install(Window window) {
        install(window, () -> { });
    }

    /**
     * Re-applies the window's size each time it is shown, then runs {@code then}: what must
     * reach the window manager after the size, such as maximizing, which would otherwise leave
     * it no normal size to restore to.
     */
    public static void install(Window window, Runnable then) {
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> {
            double width = window.getWidth();
            double height = window.getHeight();
            if (width <= 1 || height <= 1) {
                then.run();
                return;
            }
            Platform.runLater(() -> resize(window, width, height, then));
        });
    }

    /**
     * Gives the window a size in two steps, a pixel less first, because glass drops a size
     * equal to the one it believes the window has; then runs {@code then}.
     */
    static void resize(Window window, double width, double height, Runnable then) {
        window.setWidth(width - 1);
        window.setHeight(height - 1);
        Platform.runLater(() -> {
            window.setWidth(width);
            window.setHeight(height);
            then.run();
        });
    }
}
