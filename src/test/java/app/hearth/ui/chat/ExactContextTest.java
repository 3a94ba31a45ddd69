package app.hearth.ui.chat;

import app.hearth.chat.ModelProbe;
import app.hearth.chat.ReplyStats;
import app.hearth.chat.template.PromptFamily;
import app.hearth.chat.template.PromptFormatter;
import app.hearth.chat.template.SpecialTokenGuard;
import app.hearth.chat.template.Turn;
import app.hearth.protocol.ModelOptions;
import app.hearth.testsupport.Await;
import app.hearth.testsupport.SharedModels;
import app.hearth.workerclient.WorkerService;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static app.hearth.ui.chat.ChatFixture.last;
import static app.hearth.ui.chat.ChatFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The context gauge and the trimming count with the model's tokenizer, in the real window. */
@ExtendWith(ApplicationExtension.class)
class ExactContextTest {

    /** stories260K's trained context, which the window's default of 4096 gives way to. */
    private static final int TRAINED_CONTEXT = 2048;
    private static final int CONTEXT = 160;
    /** The context less the room a reply of {@link ChatFixture#SHORT}'s 24 tokens keeps. */
    private static final int BUDGET = CONTEXT - 24;
    private static final String LONGER = "Once upon a time there was a little girl who liked "
            + "to run and play in the big green park with her dog every day.";

    private WorkerService worker;
    private ChatViewModel model;

    @Start
    void start(Stage stage) {
        worker = ChatFixture.worker();
        model = ChatFixture.model(worker, null);
        stage.setScene(new Scene(new ChatView(model), 1000, 700));
        stage.show();
        model.refreshModels();
    }

    @AfterEach
    void stopWorker() {
        worker.close();
    }

    @Test
    void theGaugeShowsTheExactCountOfTheNextPromptWithTheDraft(FxRobot robot)
            throws Exception {
        send(robot, "Once upon a time");
        String draft = "The cat sat on the mat and looked at the big round moon.";

        robot.interact(() -> model.inputProperty().set(draft));
        List<Turn> next = turns(0);
        next.add(Turn.user(draft));
        int exact = count(next, TRAINED_CONTEXT);

        waitFor(() -> model.contextUsedProperty().get() == exact,
                "the gauge to show the worker's count " + exact + " (it shows "
                        + model.contextUsedProperty().get() + ")");
        assertEquals(TRAINED_CONTEXT, model.contextSizeProperty().get());
    }

    @Test
    void leavesOutOnlyTheTurnsThatDoNotFitByTheExactCount(FxRobot robot) throws Exception {
        robot.interact(() -> model.setModelOptions(CONTEXT, 0));

        send(robot, LONGER);
        send(robot, LONGER);
        send(robot, LONGER);
        int firstKept = firstKept();
        ReplyStats sent = last(model).toRecord().stats();

        assertTrue(firstKept >= 2, "some turns are left out: first kept " + firstKept);
        assertTrue(sent.promptTokens() <= BUDGET, "sent " + sent.promptTokens());
        List<Turn> oneMore = turns(firstKept - 2);
        oneMore.remove(oneMore.size() - 1);
        int tooMany = count(oneMore, CONTEXT);
        assertTrue(tooMany > BUDGET, "one more turn would take " + tooMany + " tokens");
        assertEquals(sent.promptTokens() + sent.generatedTokens(),
                model.contextUsedProperty().get());
    }

    @Test
    void keepsEveryTurnWhenTheExactCountFitsThoughAnEstimateWouldNot(FxRobot robot)
            throws Exception {
        send(robot, LONGER);
        send(robot, "Then what happened?");
        List<Turn> next = turns(0);
        next.add(Turn.user(LONGER));
        int exact = count(next, TRAINED_CONTEXT);
        // Room for the prompt and two tokens more; an estimate errs high by more than that.
        int context = exact + 2 + 24;
        robot.interact(() -> model.setModelOptions(context, 0));

        send(robot, LONGER);

        assertEquals(0, firstKept(), model.statusProperty().get());
        assertEquals(exact, last(model).toRecord().stats().promptTokens());
    }

    private void send(FxRobot robot, String text) throws Exception {
        ChatFixture.send(robot, model, text);
    }

    private int firstKept() {
        List<ChatMessage> messages = model.getMessages();
        int first = 0;
        while (first < messages.size() && messages.get(first).isLeftOut()) {
            first++;
        }
        return first;
    }

    /** The transcript's turns from {@code from} on. */
    private List<Turn> turns(int from) {
        List<Turn> turns = new ArrayList<>();
        for (ChatMessage message : model.getMessages().subList(from,
                model.getMessages().size())) {
            turns.add(message.getRole() == ChatMessage.Role.USER
                    ? Turn.user(message.getText()) : Turn.assistant(message.getText()));
        }
        return turns;
    }

    /** The worker's count of the prompt the window would write for these turns. */
    private int count(List<Turn> turns, int context) throws Exception {
        List<String> control = ModelProbe.read(SharedModels.stories()).controlTokens();
        String prompt = PromptFormatter.format(PromptFamily.CONTINUATION, "", turns,
                SpecialTokenGuard.of(PromptFamily.CONTINUATION, control)).text();
        return Await.future(worker.tokenize(SharedModels.stories().toString(), prompt,
                new ModelOptions(context, 0)), "the worker's count");
    }
}
