package app.hearth.ui.chat;

import javafx.geometry.Point2D;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.TextFlow;

/** Screen points of characters in a TextFlow, for tests that click and drag across text. */
final class FlowPoints {

    private FlowPoints() {
    }

    /**
     * A point just inside the leading half of character {@code index} ({@code leading}), or
     * the trailing half of character {@code index - 1}: either way a hit before {@code index}.
     */
    static Point2D pointAt(TextFlow flow, int index, boolean leading) {
        PathElement[] caret = flow.caretShape(leading ? index : index - 1, leading);
        double x = ((MoveTo) caret[0]).getX();
        double y = (((MoveTo) caret[0]).getY() + ((LineTo) caret[1]).getY()) / 2;
        return flow.localToScreen(x + (leading ? 2 : -2), y);
    }

    /** Whether the flow's selection highlight (its first child) paints anything. */
    static boolean painted(TextFlow flow) {
        javafx.scene.shape.Path highlight = (javafx.scene.shape.Path) flow.getChildren().get(0);
        return !highlight.getElements().isEmpty();
    }
}
