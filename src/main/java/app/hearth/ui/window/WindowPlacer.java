package app.hearth.ui.window;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;
import java.util.Optional;

/**
 * Puts the main window where it was last time, and follows where it is now. Runs on the JavaFX
 * thread; reading and writing the placement is the caller's, off that thread.
 */
public final class WindowPlacer {

    private final Stage stage;
    private WindowPlacement normal;
    private boolean maximizedOnce;

    /**
     * @param stage    the main window, not yet shown
     * @param fallback its size when nothing usable was saved
     */
    public WindowPlacer(Stage stage, Rectangle2D fallback) {
        this.stage = stage;
        this.normal = new WindowPlacement(Double.NaN, Double.NaN, fallback.getWidth(),
                fallback.getHeight(), false);
    }

    /**
     * Sizes and places the window before it is shown; maximizes it, if it was, once it is on
     * screen with its normal size.
     */
    public void place(Optional<WindowPlacement> saved) {
        List<Rectangle2D> screens = Screen.getScreens().stream()
                .map(Screen::getVisualBounds).toList();
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        WindowPlacement chosen = saved.filter(p -> p.reachableOn(screens)).orElse(null);
        if (chosen != null) {
            normal = chosen.shrunkTo(primary);
            stage.setX(normal.x());
            stage.setY(normal.y());
        } else {
            normal = normal.shrunkTo(primary);
            stage.centerOnScreen();
        }
        stage.setWidth(normal.width());
        stage.setHeight(normal.height());
        boolean maximize = chosen != null && chosen.maximized();
        WindowSizeGuard.install(stage, () -> {
            if (maximize && !maximizedOnce) {
                maximizedOnce = true;
                stage.setMaximized(true);
            }
        });
        follow();
    }

    /** Where the window is now, with its size from before it was maximized. */
    public WindowPlacement current() {
        return new WindowPlacement(normal.x(), normal.y(), normal.width(), normal.height(),
                stage.isMaximized());
    }

    private void follow() {
        // A maximized window reports the screen's bounds; the normal ones are kept for later.
        stage.xProperty().addListener((o, was, now) -> remember());
        stage.yProperty().addListener((o, was, now) -> remember());
        stage.widthProperty().addListener((o, was, now) -> remember());
        stage.heightProperty().addListener((o, was, now) -> remember());
        stage.maximizedProperty().addListener((o, was, now) -> {
            if (!now) {
                // Some window managers (openbox) restore a window that opened maximized to
                // the whole screen again; it gets its normal place back here.
                Platform.runLater(this::restoreIfScreenSized);
            }
        });
    }

    private void remember() {
        // Window managers change the size and the maximized flag one after the other, so a
        // window as large as a screen is taken as one on its way to or from maximized.
        if (!stage.isMaximized() && !stage.isIconified() && stage.isShowing()
                && !screenSized()) {
            normal = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), false);
        }
    }

    private void restoreIfScreenSized() {
        if (!stage.isMaximized() && screenSized()) {
            stage.setX(normal.x());
            stage.setY(normal.y());
            WindowSizeGuard.resize(stage, normal.width(), normal.height(), () -> { });
        }
    }

    private boolean screenSized() {
        for (Screen screen : Screen.getScreens()) {
            Rectangle2D visual = screen.getVisualBounds();
            if (stage.getWidth() >= visual.getWidth() - 8
                    && stage.getHeight() >= visual.getHeight() - 48) {
                return true;
            }
        }
        return false;
    }
}
