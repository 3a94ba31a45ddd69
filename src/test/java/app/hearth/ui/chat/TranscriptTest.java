package app.hearth.ui.chat;

import app.hearth.chat.Conversation;
import app.hearth.chat.ConversationStore;
import app.hearth.chat.Message;
import app.hearth.chat.MessageStatus;
import app.hearth.chat.ModelRef;
import app.hearth.protocol.Sampling;
import app.hearth.testsupport.SharedModels;
import app.hearth.workerclient.WorkerService;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
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
import java.util.concurrent.Callable;

import static app.hearth.ui.chat.ChatFixture.waitFor;
import static app.hearth.ui.chat.ChatFixture.waitForReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transcript of a long saved conversation: rendered near the view only, steady while
 * bubbles above the view render, and following a reply only while the reader is at the end.
 */
@ExtendWith(ApplicationExtension.class)
class TranscriptTest {

    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final int TURNS = 30;
    /** Thirty short paragraphs: estimated at twice their real height, blank lines counted. */
    private static final String REPLY = "A short paragraph of a long reply.\n\n".repeat(30);

    @TempDir
    Path data;

    private WorkerService worker;
    private Stage stage;
    private ChatViewModel model;

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
    void rendersTheEndOfALongConversationFirstAndTheRestAsItComesIntoView(FxRobot robot)
            throws Exception {
        open(robot);
        List<Node> bubbles = bubbles(robot);
        boolean firstPendingAtTheEnd = on(robot, () -> isPending(bubbles.get(0)));
        boolean lastPendingAtTheEnd = on(robot, () -> isPending(bubbles.get(bubbles.size() - 1)));

        robot.interact(() -> scroller(robot).setVvalue(0));
        waitFor(() -> on(robot, () -> !isPending(bubbles.get(0))), "the first bubble rendered");

        assertTrue(firstPendingAtTheEnd, "the first bubble waited while the end was shown");
        assertFalse(lastPendingAtTheEnd, "the last bubble was rendered at once");
        assertTrue(on(robot, () -> isPending(bubbles.get(bubbles.size() / 2))),
                "the bubbles far from the view still wait");
    }

    @Test
    void keepsWhatIsInViewInPlaceWhileBubblesAboveItRender(FxRobot robot) throws Exception {
        open(robot);
        ScrollPane scroller = scroller(robot);
        robot.interact(() -> scroller.setVvalue(0.5));
        settle(robot);
        Node shown = on(robot, () -> firstInView(robot));
        double before = on(robot, () -> shown.localToScene(0, 0).getY());
        int pendingBefore = on(robot, () -> pendingCount(robot));

        robot.interact(() -> scroller.setVvalue(scroller.getVvalue() - pixels(scroller, 300)));
        settle(robot);

        assertTrue(on(robot, () -> pendingCount(robot)) < pendingBefore,
                "bubbles above the view were rendered");
        assertEquals(before + 300, on(robot, () -> shown.localToScene(0, 0).getY()), 2.0);
    }

    @Test
    void showsTheEndWhenAMessageIsSentFromFurtherUp(FxRobot robot) throws Exception {
        open(robot);
        ScrollPane scroller = scroller(robot);
        robot.interact(() -> scroller.setVvalue(0.3));
        settle(robot);

        send(robot, "Once upon a time");

        assertEquals(scroller.getVmax(), on(robot, scroller::getVvalue), 1e-9);
    }

    @Test
    void followsAGrowingReplyOnlyWhileTheReaderIsAtTheEnd(FxRobot robot) throws Exception {
        open(robot);
        ScrollPane scroller = scroller(robot);
        grow(robot);
        boolean followed = on(robot, () -> scroller.getVvalue() == scroller.getVmax());
        robot.interact(() -> scroller.setVvalue(0.3));
        settle(robot);
        Node shown = on(robot, () -> firstInView(robot));
        double before = on(robot, () -> shown.localToScene(0, 0).getY());

        grow(robot);

        assertTrue(followed, "the view followed the reply while it was at the end");
        assertEquals(before, on(robot, () -> shown.localToScene(0, 0).getY()), 2.0);
    }

    private void open(FxRobot robot) throws Exception {
        save();
        robot.interact(() -> {
            model = ChatFixture.model(worker, data);
            stage.setScene(new Scene(new ChatView(model), 800, 600));
            stage.show();
            model.conversations().load();
        });
        waitFor(() -> model.getMessages().size() == 2 * TURNS, "the saved conversation");
        settle(robot);
    }

    private void save() throws Exception {
        Path stories = SharedModels.stories();
        ModelRef ref = new ModelRef(stories.getFileName().toString(), stories.toString(), null,
                null, null);
        Conversation conversation = Conversation.start("long", stories.toString(), "",
                ChatFixture.SHORT, 1);
        for (int turn = 0; turn < TURNS; turn++) {
            conversation = conversation.append(Message.user("u" + turn, "Question " + turn, 1), 1)
                    .append(Message.reply("a" + turn, 1, ref, Sampling.DEFAULT, "")
                            .finished(MessageStatus.COMPLETE, REPLY, null), 1);
        }
        ConversationStore store = new ConversationStore(data.resolve("conversations"));
        store.save(conversation);
        store.rememberOpen(conversation.id());
    }

    private void send(FxRobot robot, String text) throws Exception {
        int before = model.getMessages().size();
        robot.interact(() -> {
            model.selectedModelProperty().set(SharedModels.stories());
            model.inputProperty().set(text);
            model.send();
        });
        waitFor(() -> model.getMessages().size() == before + 2, "the message sent");
        waitForReply(model, "the reply to " + text);
        settle(robot);
    }

    /** The last reply gets longer, as while it streams. */
    private void grow(FxRobot robot) throws Exception {
        robot.interact(() -> model.getMessages().get(model.getMessages().size() - 1)
                .append("Another paragraph.\n\n".repeat(20)));
        settle(robot);
    }

    /** Lets the pulses after a change lay out and render what came into view. */
    private static void settle(FxRobot robot) throws Exception {
        for (int i = 0; i < 10; i++) {
            robot.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static ScrollPane scroller(FxRobot robot) {
        return robot.lookup("#transcriptScroll").queryAs(ScrollPane.class);
    }

    private static List<Node> bubbles(FxRobot robot) {
        return List.copyOf(robot.lookup("#transcript").queryAs(VBox.class).getChildren());
    }

    private static Node firstInView(FxRobot robot) {
        double top = scroller(robot).localToScene(0, 0).getY();
        return bubbles(robot).stream()
                .filter(bubble -> bubble.localToScene(0, 0).getY() >= top)
                .findFirst().orElseThrow();
    }

    private static int pendingCount(FxRobot robot) {
        return (int) bubbles(robot).stream().filter(TranscriptTest::isPending).count();
    }

    private static boolean isPending(Node bubble) {
        return bubble.getPseudoClassStates().contains(PENDING);
    }

    /** The change of vvalue that scrolls by {@code pixels}. */
    private static double pixels(ScrollPane scroller, double pixels) {
        double range = scroller.getContent().getLayoutBounds().getHeight()
                - scroller.getViewportBounds().getHeight();
        return pixels / range * (scroller.getVmax() - scroller.getVmin());
    }

    private static <T> T on(FxRobot robot, Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(ChatFixture.TIMEOUT_SECONDS,
                java.util.concurrent.TimeUnit.SECONDS);
    }
}

