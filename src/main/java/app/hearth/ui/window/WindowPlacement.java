package app.hearth.ui.window;

import javafx.geometry.Rectangle2D;

import java.util.List;

/**
 * Where the main window was and how big, so that it opens there again.
 *
 * @param x         left edge of the window when not maximized
 * @param y         top edge of the window when not maximized
 * @param width     width when not maximized, more than 0
 * @param height    height when not maximized, more than 0
 * @param maximized whether the window filled the screen
 */
public record WindowPlacement(double x, double y, double width, double height,
        boolean maximized) {

    /** Less than this much of a window on a screen and it counts as lost off screen. */
    private static final double VISIBLE_EDGE = 64;

    /**
     * Whether enough of the window lies on one of the screens to be grabbed and moved, so a
     * window left on a monitor that has since gone does not reopen out of reach.
     */
    public boolean reachableOn(List<Rectangle2D> screens) {
        if (!(width > 0 && height > 0) || Double.isNaN(x) || Double.isNaN(y)) {
            return false;
        }
        Rectangle2D window = new Rectangle2D(x, y, width, height);
        for (Rectangle2D screen : screens) {
            double overlapWidth = Math.min(window.getMaxX(), screen.getMaxX())
                    - Math.max(window.getMinX(), screen.getMinX());
            boolean titleOnScreen = y >= screen.getMinY() && y < screen.getMaxY();
            if (overlapWidth >= VISIBLE_EDGE && titleOnScreen) {
                return true;
            }
        }
        return false;
    }

    /** This placement with its size cut to fit the screen, for a window larger than it. */
    public WindowPlacement shrunkTo(Rectangle2D screen) {
        return new WindowPlacement(x, y, Math.min(width, screen.getWidth()),
                Math.min(height, screen.getHeight()), maximized);
    }
}
