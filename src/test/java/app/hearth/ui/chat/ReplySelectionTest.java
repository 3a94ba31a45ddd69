package app.hearth.ui.chat;

import app.hearth.chat.Conversation;
import app.hearth.chat.ConversationStore;
import app.hearth.chat.Message;
import app.hearth.chat.MessageStatus;
import app.hearth.chat.ModelRef;
import app.hearth.chat.ReplyStats;
import app.hearth.protocol.Sampling;
import app.hearth.testsupport.SharedModels;
import app.hearth.workerclient.WorkerService;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static app.hearth.ui.chat.ChatFixture.waitFor;
import static app.hearth.ui.chat.FlowPoints.painted;
import static app.hearth.ui.chat.FlowPoints.pointAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Selecting and copying a reply's rendered text in the real chat window, on a reply saved
 * before the window opens; and long mixed-script text wrapping inside its bubble.
 */
@ExtendWith(ApplicationExtension.class)
class ReplySelectionTest {

    private static final String REPLY = """
            First paragraph with a few words.

            Second paragraph *with emphasis* here.

            ```text
            keep   this **verbatim**
            ```
            """;
    /** Latin, CJK, Arabic, Thai, Devanagari, then a 300-char token with combining marks. */
    private static final String MIXED = "Latin words, 漢字かな交じり文, العربية نص, ภาษาไทย, "
            + "हिन्दी पाठ, then " + "x\u0301yz".repeat(75) + " and the end.";
    /** Long runs of plain words, which stay in one node each, between complex words. */
    private static final String PLAIN_AROUND_COMPLEX = ("plain words that wrap, Кириллица, "
            + "漢字 ".repeat(3) + "ภาษาไทย हिन्दी ").repeat(8);

    @TempDir
    Path data;

    private WorkerService worker;
    private Stage stage;

    @Start
    void start(Stage window) {
        stage = window;
        worker = ChatFixture.worker();
    }

    @AfterEach
    void stopWorker() {
        worker.close();
    }

    @Test
    void copiesExactlyTheTextDraggedAcrossTwoParagraphs(FxRobot robot) throws Exception {
        MarkdownView reply = open(robot, REPLY, 800);
        List<TextFlow> paragraphs = flows(robot, reply, ".paragraph");
        putOnClipboard(robot, "before");

        robot.drag(pointAt(paragraphs.get(0), 6, true), MouseButton.PRIMARY)
                .dropTo(pointAt(paragraphs.get(1), 6, false));
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);

        assertEquals("paragraph with a few words.\n\nSecond", clipboard(robot));
        assertTrue(painted(paragraphs.get(0)) && painted(paragraphs.get(1)));
    }

    @Test
    void selectsAWordOnADoubleClick(FxRobot robot) throws Exception {
        MarkdownView reply = open(robot, REPLY, 800);
        TextFlow second = flows(robot, reply, ".paragraph").get(1);

        robot.doubleClickOn(pointAt(second, 9, true), MouseButton.PRIMARY);

        assertEquals("paragraph", reply.selectedText());
        assertTrue(painted(second));
    }

    @Test
    void selectsAllOfAReplyAndCopiesItsPlainTextWithTheCodeVerbatim(FxRobot robot)
            throws Exception {
        MarkdownView reply = open(robot, REPLY, 800);
        robot.clickOn(pointAt(flows(robot, reply, ".paragraph").get(0), 0, true));

        robot.press(KeyCode.CONTROL).type(KeyCode.A).type(KeyCode.C).release(KeyCode.CONTROL);

        assertEquals("First paragraph with a few words.\n\nSecond paragraph with emphasis "
                + "here.\n\nkeep   this **verbatim**", clipboard(robot));
    }

    @Test
    void copiesTheRawMarkdownFromTheContextMenu(FxRobot robot) throws Exception {
        MarkdownView reply = open(robot, REPLY, 800);
        Point2D at = pointAt(flows(robot, reply, ".paragraph").get(0), 3, true);

        requestContextMenu(robot, reply, at);
        clickMenuItem(robot, "Copy message");

        assertEquals(REPLY.strip(), clipboard(robot).strip());
    }

    @Test
    void keepsTheSelectionOnARightClickAndCopiesItFromTheMenu(FxRobot robot) throws Exception {
        MarkdownView reply = open(robot, REPLY, 800);
        TextFlow first = flows(robot, reply, ".paragraph").get(0);
        robot.doubleClickOn(pointAt(first, 8, true));
        Point2D at = pointAt(first, 20, true);
        putOnClipboard(robot, "before");

        robot.rightClickOn(at);
        requestContextMenu(robot, reply, at);
        clickMenuItem(robot, "Copy");

        assertEquals("paragraph", reply.selectedText());
        assertEquals("paragraph", clipboard(robot));
    }

    @Test
    void dropsTheSelectionWhenTheFocusMovesToTheInput(FxRobot robot) throws Exception {
        MarkdownView reply = open(robot, REPLY, 800);
        robot.doubleClickOn(pointAt(flows(robot, reply, ".paragraph").get(0), 1, true));
        String selected = reply.selectedText();

        robot.clickOn("#input");

        assertEquals("First", selected);
        assertEquals("", reply.selectedText());
    }

    @Test
    void wrapsLongMixedScriptTextInsideTheBubbleAndShowsItOnce(FxRobot robot)
            throws Exception {
        MarkdownView reply = open(robot, MIXED, 640);

        assertWrapsInside(robot, reply, MIXED);
    }

    @Test
    void wrapsPlainWordsBesideComplexOnesInsideTheBubble(FxRobot robot) throws Exception {
        MarkdownView reply = open(robot, PLAIN_AROUND_COMPLEX, 520);

        assertWrapsInside(robot, reply, PLAIN_AROUND_COMPLEX.strip());
    }

    /** Every Text node lies inside the bubble, and together they show the text once. */
    private static void assertWrapsInside(FxRobot robot, MarkdownView reply, String expected) {
        Node bubble = reply.getParent();

        List<Text> texts = robot.from(reply).lookup(".md-text").queryAllAs(Text.class)
                .stream().toList();
        String shown = String.join("", texts.stream().map(Text::getText).toList());

        assertEquals(expected, shown);
        double width = bubble.getLayoutBounds().getWidth();
        for (Text text : texts) {
            Bounds bounds = bubble.sceneToLocal(text.localToScene(text.getBoundsInLocal()));
            assertTrue(bounds.getMinX() >= 0 && bounds.getMaxX() <= width, "a Text of "
                    + text.getText().length() + " chars lies at " + bounds.getMinX() + ".."
                    + bounds.getMaxX() + " in a bubble " + width + " wide");
        }
        assertTrue(reply.getHeight() > 100, "the text wrapped onto several lines");
    }

    /** Opens the window on a saved conversation whose reply is {@code text}. */
    private MarkdownView open(FxRobot robot, String text, double width) throws Exception {
        save(text);
        ChatViewModel[] model = new ChatViewModel[1];
        robot.interact(() -> {
            model[0] = ChatFixture.model(worker, data);
            stage.setScene(new Scene(new ChatView(model[0]), width, 600));
            stage.show();
            model[0].conversations().load();
        });
        waitFor(() -> model[0].getMessages().size() == 2, "the saved conversation");
        WaitForAsyncUtils.waitForFxEvents();
        List<MarkdownView> views = robot.lookup(".markdown").queryAllAs(MarkdownView.class)
                .stream().toList();
        return views.get(views.size() - 1);
    }

    private void save(String reply) throws Exception {
        Path model = SharedModels.stories();
        ModelRef ref = new ModelRef(model.getFileName().toString(), model.toString(), null,
                null, null);
        Message answer = Message.reply("m2", 2, ref, Sampling.DEFAULT, "")
                .finished(MessageStatus.COMPLETE, reply,
                        new ReplyStats(5, 40, 12.0, 30.0, 0, "eos"));
        Conversation conversation = Conversation.start("c1", model.toString(), "",
                Sampling.DEFAULT, 1).append(Message.user("m1", "Tell me", 1), 1)
                .append(answer, 2);
        ConversationStore store = new ConversationStore(data.resolve("conversations"));
        store.save(conversation);
        store.rememberOpen(conversation.id());
    }

    private static List<TextFlow> flows(FxRobot robot, MarkdownView view, String query) {
        return robot.from(view).lookup(query).queryAllAs(TextFlow.class).stream().toList();
    }

    /**
     * What a right-click does on a desktop. Monocle turns a right-click into mouse events only,
     * never into a context menu request, so the test sends the request itself.
     */
    private static void requestContextMenu(FxRobot robot, Node target, Point2D screen) {
        robot.interact(() -> {
            Point2D local = target.screenToLocal(screen);
            Event.fireEvent(target, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    local.getX(), local.getY(), screen.getX(), screen.getY(), false, null));
        });
    }

    private static void clickMenuItem(FxRobot robot, String text) {
        robot.clickOn(robot.lookup(".context-menu .label").queryAllAs(Label.class).stream()
                .filter(label -> label.getText().equals(text)).findFirst().orElseThrow());
    }

    private static void putOnClipboard(FxRobot robot, String text) {
        robot.interact(() -> MarkdownView.copyToClipboard(text));
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }
}
