package app.hearth.ui.chat;

import app.hearth.chat.Conversation;
import app.hearth.chat.ModelProbe;
import app.hearth.chat.ReplyStats;
import app.hearth.chat.template.PromptFamily;
import app.hearth.chat.template.PromptFormatter;
import app.hearth.chat.template.SpecialTokenGuard;
import app.hearth.chat.template.Turn;
import app.hearth.protocol.ModelOptions;
import app.hearth.testsupport.Await;
import app.hearth.testsupport.SharedModels;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static app.hearth.ui.chat.ChatFixture.last;
import static app.hearth.ui.chat.ChatFixture.waitFor;
import static app.hearth.ui.chat.ChatFixture.waitForReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The context gauge shows the next prompt's exact size after every change of what the next
 * prompt holds: a stopped reply, a regenerated one, an edit, another conversation opened or
 * the open one deleted.
 */
class GaugeFollowsChangesTest extends RealChatWindow {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    /** stories260K's trained context, which the window's default of 4096 gives way to. */
    private static final int CONTEXT = 2048;

    @Test
    void countsAStoppedReplyOnceItIsStopped(FxRobot robot) throws Exception {
        waitFor(() -> model.selectedModelProperty().get() != null, "the model list");
        robot.interact(() -> {
            model.applySettings("", ChatFixture.SHORT.withMaxTokens(100_000));
            model.inputProperty().set("Once upon a time");
        });
        robot.clickOn("#input").type(KeyCode.ENTER);
        waitFor(() -> model.getMessages().size() == 2 && last(model).getText().length() > 40,
                "streamed text");
        int sent = model.contextUsedProperty().get();

        robot.clickOn("#stopButton");
        waitForReply(model, "the stop");

        int next = nextPrompt(model.getMessages(), "");
        waitFor(() -> model.contextUsedProperty().get() == next, "the gauge to show " + next
                + " with the stopped reply (it shows " + model.contextUsedProperty().get()
                + ", " + sent + " when the prompt was sent)");
    }

    @Test
    void followsARegeneratedReplyAndAnEditAndItsCancel(FxRobot robot) throws Exception {
        ChatFixture.send(robot, model, "Once upon a time");
        int before = model.contextUsedProperty().get();
        ChatMessage firstReply = last(model);
        robot.interact(() -> model.applySettings("", ChatFixture.SHORT.withMaxTokens(8)));

        robot.clickOn("#regenerateButton");
        waitFor(() -> last(model) != firstReply, "the regenerated reply to start");
        waitForReply(model, "the regenerated reply");
        ReplyStats again = last(model).toRecord().stats();
        assertNotEquals(before, again.promptTokens() + again.generatedTokens());
        assertEquals(again.promptTokens() + again.generatedTokens(),
                model.contextUsedProperty().get());

        robot.clickOn(robot.lookup(".edit-message").nth(0).queryButton());
        int edited = nextPrompt(List.of(), "Once upon a time");
        waitFor(() -> model.contextUsedProperty().get() == edited, "the gauge to show "
                + edited + " for the message edited (it shows "
                + model.contextUsedProperty().get() + ")");

        robot.clickOn("#cancelEdit");
        int whole = nextPrompt(model.getMessages(), "");
        waitFor(() -> model.contextUsedProperty().get() == whole, "the gauge to show " + whole
                + " for the whole conversation (it shows " + model.contextUsedProperty().get()
                + ")");
    }

    @Test
    void followsTheConversationThatOpensOnASwitchOrADelete(FxRobot robot) throws Exception {
        ChatFixture.send(robot, model, "Once upon a time there was a cat");
        Conversation first = current(robot);
        robot.interact(() -> model.conversations().create());
        ChatFixture.send(robot, model, "The dog");
        Conversation second = current(robot);
        int firstNext = nextPrompt(first);
        int secondNext = nextPrompt(second);

        robot.interact(() -> model.conversations().open(first));
        waitFor(() -> model.contextUsedProperty().get() == firstNext, "the first "
                + "conversation's " + firstNext + " (shows " + model.contextUsedProperty().get()
                + ")");
        robot.interact(() -> model.conversations().open(second));
        waitFor(() -> model.contextUsedProperty().get() == secondNext, "the second "
                + "conversation's " + secondNext + " (shows "
                + model.contextUsedProperty().get() + ")");

        robot.interact(() -> model.conversations().delete(second));
        waitFor(() -> model.contextUsedProperty().get() == firstNext, "the first "
                + "conversation's " + firstNext + " after the delete (shows "
                + model.contextUsedProperty().get() + ")");
    }

    /** The open conversation as saved, once the FX thread has done what it was doing. */
    private Conversation current(FxRobot robot) {
        Conversation[] open = new Conversation[1];
        robot.interact(() -> open[0] = model.conversations().getCurrent());
        return open[0];
    }

    /** The worker's count of the next prompt of a saved conversation, with no draft. */
    private int nextPrompt(Conversation conversation) throws Exception {
        List<ChatMessage> messages = conversation.messages().stream().map(ChatMessage::new)
                .toList();
        return nextPrompt(messages, "");
    }

    /** The worker's count of the prompt for these messages and the draft after them. */
    private int nextPrompt(List<ChatMessage> messages, String draft) throws Exception {
        List<Turn> turns = new ArrayList<>();
        for (ChatMessage message : messages) {
            turns.add(message.getRole() == ChatMessage.Role.USER
                    ? Turn.user(message.getText()) : Turn.assistant(message.getText()));
        }
        turns.add(Turn.user(draft));
        List<String> control = ModelProbe.read(SharedModels.stories()).controlTokens();
        String prompt = PromptFormatter.format(PromptFamily.CONTINUATION, "", turns,
                SpecialTokenGuard.of(PromptFamily.CONTINUATION, control)).text();
        return Await.future(worker.tokenize(SharedModels.stories().toString(), prompt,
                new ModelOptions(CONTEXT, 0)), "the worker's count");
    }
}
