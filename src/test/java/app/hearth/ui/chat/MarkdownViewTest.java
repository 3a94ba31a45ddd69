package app.hearth.ui.chat;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static app.hearth.ui.chat.FlowPoints.painted;
import static app.hearth.ui.chat.FlowPoints.pointAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class MarkdownViewTest {

    private static final String REPLY = """
            # Plan

            Some *soft* and **bold** words with `inline()` code.

            - first
            - second

            1. one
            2. two

            ```java
            int x = 1;
            int y = 2;
            ```
            """;

    private final MarkdownView view = new MarkdownView();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(view), 600, 400));
        stage.show();
    }

    @Test
    void rendersHeadingsEmphasisInlineCodeAndLists(FxRobot robot) {
        robot.interact(() -> view.show(REPLY));

        assertEquals(List.of("Plan"), texts(robot, ".h1 .md-text"));
        assertEquals(List.of("soft"), texts(robot, ".emphasis"));
        assertEquals(List.of("bold"), texts(robot, ".strong"));
        assertEquals(List.of("inline()"), texts(robot, ".inline-code"));
        assertEquals(List.of("•", "•", "1.", "2."), robot.lookup(".marker").queryAllAs(
                javafx.scene.control.Label.class).stream().map(label -> label.getText())
                .toList());
    }

    @Test
    void keepsTheLineBreaksOfAReply(FxRobot robot) {
        robot.interact(() -> view.show("Roses are red,\nviolets are blue."));

        String shown = String.join("", texts(robot, ".paragraph .md-text"));

        assertEquals("Roses are red,\nviolets are blue.", shown);
    }

    @Test
    void showsACodeBlockInMonospaceWithCopy(FxRobot robot) {
        robot.interact(() -> view.show(REPLY));

        String code = String.join("", texts(robot, ".code-block .code .md-text"));
        robot.clickOn(".copy-code");
        String copied = clipboard(robot);

        assertEquals("int x = 1;\nint y = 2;", code);
        assertEquals(List.of("code-text"), robot.lookup(".code-block .code .md-text")
                .queryAllAs(Text.class).stream().map(text -> text.getStyleClass().get(1))
                .distinct().toList());
        assertEquals("java", robot.lookup(".code-block .language")
                .queryAs(javafx.scene.control.Label.class).getText());
        assertEquals("int x = 1;\nint y = 2;", copied);
    }

    @Test
    void replacesWhatItShowedWhenTheTextGrows(FxRobot robot) {
        robot.interact(() -> view.show("Hello"));

        robot.interact(() -> view.show("Hello **world**"));

        assertEquals(List.of("world"), texts(robot, ".strong"));
        assertEquals(1, view.getChildren().size());
    }

    @Test
    void keepsTheNodesOfFinishedBlocksWhileAReplyGrows(FxRobot robot) {
        robot.interact(() -> view.show("First paragraph.\n\nSecond"));
        List<Node> before = List.copyOf(view.getChildren());

        robot.interact(() -> view.show("First paragraph.\n\nSecond paragraph, longer.\n\n- a"));

        assertSame(before.get(0), view.getChildren().get(0));
        assertNotSame(before.get(1), view.getChildren().get(1));
        assertEquals(List.of("First paragraph.", "Second paragraph, longer.", "a"),
                texts(robot, ".md-text"));
    }

    @Test
    void buildsEveryBlockAgainWhenTheTextBeforeTheEndChanges(FxRobot robot) {
        robot.interact(() -> view.show("First.\n\nSecond"));
        Node first = view.getChildren().get(0);

        robot.interact(() -> view.show("Other.\n\nSecond"));

        assertNotSame(first, view.getChildren().get(0));
        assertEquals(List.of("Other.", "Second"), texts(robot, ".md-text"));
    }

    @Test
    void rendersEarlierLinksAgainWhenTheirDefinitionArrives(FxRobot robot) {
        robot.interact(() -> view.show("See [the site].\n\nMore"));

        robot.interact(() -> view.show("See [the site].\n\nMore\n\n[the site]: https://e.org"));

        assertEquals("See the site.", String.join("", texts(robot, ".paragraph .md-text"))
                .substring(0, 13));
    }

    @Test
    void paintsOneHighlightInAKeptBlockWhileTheReplyGrows(FxRobot robot) {
        robot.interact(() -> {
            view.show("Hello world.\n\nMore");
            view.selectAll();
        });
        TextFlow first = robot.lookup(".paragraph").queryAs(TextFlow.class);

        robot.interact(() -> view.show("Hello world.\n\nMore text"));
        robot.interact(() -> view.show("Hello world.\n\nMore text still"));

        assertSame(first, robot.lookup(".paragraph").queryAs(TextFlow.class));
        assertTrue(painted(first));
        assertEquals(1, first.getChildren().stream().filter(Path.class::isInstance).count());
        assertEquals("Hello world.\n\nMore", view.selectedText());
    }

    @Test
    void keepsASelectionWhileTheTextGrowsAndDropsItWhenTheTextBeforeItChanges(FxRobot robot) {
        robot.interact(() -> {
            view.show("Hello world");
            view.selectAll();
        });

        robot.interact(() -> view.show("Hello world, and more\n\nstreamed"));
        String kept = view.selectedText();
        robot.interact(() -> view.show("Goodbye world"));

        assertEquals("Hello world", kept);
        assertEquals("", view.selectedText());
    }

    @Test
    void goesOnWithADragWhileTheReplyIsRenderedAgain(FxRobot robot) {
        robot.interact(() -> view.show("Once upon a time"));
        TextFlow flow = robot.lookup(".paragraph").queryAs(TextFlow.class);

        robot.moveTo(pointAt(flow, 5, true)).press(MouseButton.PRIMARY);
        robot.interact(() -> view.show("Once upon a time there was"));
        TextFlow grown = robot.lookup(".paragraph").queryAs(TextFlow.class);
        robot.moveTo(pointAt(grown, 22, false)).release(MouseButton.PRIMARY);

        assertEquals("upon a time there", view.selectedText());
        assertTrue(painted(grown));
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = javafx.scene.input.Clipboard.getSystemClipboard()
                .getString());
        return text[0];
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Text.class).stream().map(Text::getText).toList();
    }
}
