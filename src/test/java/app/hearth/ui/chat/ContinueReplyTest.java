package app.hearth.ui.chat;

import app.hearth.chat.ReplyStats;
import app.hearth.protocol.ModelOptions;
import app.hearth.testsupport.Await;
import app.hearth.testsupport.SharedModels;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static app.hearth.ui.chat.ChatFixture.last;
import static app.hearth.ui.chat.ChatFixture.waitFor;
import static app.hearth.ui.chat.ChatFixture.waitForReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reply that the max-tokens limit cut short says so, and Continue carries it on. */
class ContinueReplyTest extends RealChatWindow {

    private static final int LIMIT = 8;
    private static final String PROMPT = "Once upon a time";

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void saysWhenTheTokenLimitCutAReplyAndOffersToContinue(FxRobot robot) throws Exception {
        limitTo(robot, LIMIT);

        ChatFixture.send(robot, model, PROMPT);

        ChatMessage reply = last(model);
        assertEquals("length", reply.toRecord().stats().stopReason());
        assertTrue(reply.isCutShort());
        assertTrue(reply.getDetails().endsWith(" · stopped at the 8-token limit"),
                reply.getDetails());
        assertTrue(robot.lookup("#continueBar").query().isVisible());
    }

    @Test
    void continueGeneratesMoreOfTheSameReplyFromAPromptEndingWithIt(FxRobot robot)
            throws Exception {
        limitTo(robot, LIMIT);
        ChatFixture.send(robot, model, PROMPT);
        ChatMessage reply = last(model);
        String firstPart = reply.getText();
        ReplyStats first = reply.toRecord().stats();

        robot.clickOn("#continueButton");
        waitFor(() -> reply.getText().length() > firstPart.length(), "more text");
        waitForReply(model, "the continued reply");

        assertEquals(2, model.getMessages().size(), "no new turn");
        assertSame(reply, last(model));
        assertEquals(ChatMessage.Status.COMPLETE, reply.getStatus(), reply.getDetails());
        assertTrue(reply.getText().startsWith(firstPart), reply.getText());
        ReplyStats both = reply.toRecord().stats();
        assertTrue(both.generatedTokens() > first.generatedTokens(), both.toString());
        // A story model's prompt is the user's text; going on, the reply so far follows it.
        int expected = Await.future(worker.tokenize(SharedModels.stories().toString(),
                PROMPT + firstPart, new ModelOptions(2048, 0)), "the worker's count");
        assertEquals(expected, both.promptTokens());
        assertTrue(robot.lookup("#input").query().isFocused());
    }

    @Test
    void aReplyThatEndedByItselfOffersNoContinue(FxRobot robot) throws Exception {
        limitTo(robot, 4096);
        robot.interact(() -> model.setModelOptions(160, 0));

        ChatFixture.send(robot, model, PROMPT);

        assertFalse(last(model).isCutShort(), last(model).getDetails());
        assertFalse(robot.lookup("#continueBar").query().isVisible());
    }

    private void limitTo(FxRobot robot, int tokens) throws Exception {
        waitFor(() -> model.selectedModelProperty().get() != null, "the model list");
        robot.interact(() -> model.applySettings("", ChatFixture.SHORT.withMaxTokens(tokens)));
    }
}
