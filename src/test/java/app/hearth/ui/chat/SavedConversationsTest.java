package app.hearth.ui.chat;

import app.hearth.chat.Conversation;
import app.hearth.chat.MessageStatus;
import app.hearth.testsupport.SharedModels;
import app.hearth.workerclient.WorkerService;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static app.hearth.ui.chat.ChatFixture.waitFor;
import static app.hearth.ui.chat.ChatFixture.waitForReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversations saved by one window and reopened by the next, as after a restart. */
@ExtendWith(ApplicationExtension.class)
class SavedConversationsTest {

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
    void reopensThreeConversationsExactlyAsLeft(FxRobot robot) throws Exception {
        ChatViewModel first = open(robot);
        chat(robot, first, SharedModels.stories(), "", "Once upon a time");
        chat(robot, first, SharedModels.tinyRandom(), "Answer in one word.", "Hello");
        chat(robot, first, SharedModels.storiesWithChatTemplate(), "You tell stories.", "A cat");
        // The list's records follow the window's messages a moment later.
        waitFor(() -> first.conversations().getShown().stream()
                .flatMap(conversation -> conversation.messages().stream())
                .noneMatch(message -> message.status() == MessageStatus.STREAMING),
                "the replies in the saved records");
        List<Conversation> before = List.copyOf(first.conversations().getShown());

        ChatViewModel second = open(robot);
        waitFor(() -> second.conversations().getShown().size() == 3, "three conversations");
        waitFor(() -> SharedModels.storiesWithChatTemplate().equals(
                second.selectedModelProperty().get()), "the last conversation's model");

        assertEquals(before, List.copyOf(second.conversations().getShown()));
        assertEquals(before.get(0).id(), second.conversations().getCurrent().id());
        assertEquals("You tell stories.", second.getSystemPrompt());
        assertEquals(List.of("A cat", last(first).getText()), texts(second));
        waitFor(() -> second.contextUsedProperty().get() > 0, "the gauge's estimate");
    }

    @Test
    void theEmptyConversationEachStartOpensIsNotKept(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(data.resolve("conversations"));
        Conversation ghost = Conversation.start("ghost-1", SharedModels.stories().toString(),
                "", ChatFixture.SHORT, 1_000);
        new app.hearth.chat.ConversationStore(folder).save(ghost);

        for (int start = 0; start < 2; start++) {
            ChatViewModel model = open(robot);
            waitFor(() -> model.selectedModelProperty().get() != null, "a model chosen");
        }
        ChatViewModel last = open(robot);
        waitFor(() -> last.selectedModelProperty().get() != null, "a model chosen");

        assertEquals(1, last.conversations().getShown().size());
        waitFor(() -> !Files.exists(folder.resolve("ghost-1.json")), "the old ghost removed");
        try (var files = Files.list(folder)) {
            assertEquals(List.of(), files.filter(file -> file.toString().endsWith(".json"))
                    .toList());
        }
    }

    @Test
    void settingsChangedBackToTheDefaultsDoNotComeBackAfterARestart(FxRobot robot)
            throws Exception {
        ChatViewModel first = open(robot);
        waitFor(() -> first.selectedModelProperty().get() != null, "a model chosen");
        String id = first.conversations().getCurrent().id();
        Path file = data.resolve("conversations").resolve(id + ".json");

        robot.interact(() -> first.applySettings("", ChatFixture.SHORT.withMaxTokens(99)));
        waitFor(() -> Files.exists(file), "the changed settings saved");
        robot.interact(() -> first.applySettings("", ChatFixture.SHORT));
        waitFor(() -> !Files.exists(file), "the blank conversation's file removed");
        ChatViewModel second = open(robot);
        waitFor(() -> second.selectedModelProperty().get() != null, "a model chosen");

        assertEquals(ChatFixture.SHORT, second.getSampling());
    }

    @Test
    void aNewConversationStartsFromTheDefaultsNotFromTheOpenOne(FxRobot robot)
            throws Exception {
        ChatViewModel model = open(robot);
        chat(robot, model, SharedModels.stories(), "Speak like a pirate.", "Ahoy");

        robot.interact(() -> model.conversations().create());

        assertEquals("", model.getSystemPrompt());
        assertEquals(SharedModels.stories(), model.selectedModelProperty().get());
        assertEquals(ChatFixture.SHORT, model.getSampling());
    }

    @Test
    void saysWhenASaveFailsAndKeepsTheConversationOnScreen(FxRobot robot) throws Exception {
        Files.writeString(data.resolve("conversations"), "a file where the folder should be");
        ChatViewModel model = open(robot);

        chat(robot, model, SharedModels.stories(), "", "Once upon a time");

        waitFor(() -> model.statusProperty().get().startsWith("Could not save"),
                "the failed save to be reported");
        assertEquals(2, model.getMessages().size());
        assertEquals("Once upon a time", model.getMessages().get(0).getText());
    }

    @Test
    void setsADamagedConversationAsideAndSaysSo(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(data.resolve("conversations"));
        Files.writeString(folder.resolve("bad.json"), "{ not json");

        ChatViewModel model = open(robot);

        waitFor(() -> model.statusProperty().get().contains("set aside"),
                "the damaged file to be reported");
        assertTrue(Files.exists(folder.resolve("bad.json.damaged")));
    }

    private ChatViewModel open(FxRobot robot) {
        ChatViewModel[] made = new ChatViewModel[1];
        robot.interact(() -> {
            made[0] = ChatFixture.model(worker, data);
            stage.setScene(new Scene(new ChatView(made[0]), 1000, 700));
            stage.show();
            made[0].conversations().load();
            made[0].refreshModels();
        });
        return made[0];
    }

    private static void chat(FxRobot robot, ChatViewModel model, Path file, String system,
            String text) throws Exception {
        waitFor(() -> !model.getModels().isEmpty(), "the model list");
        robot.interact(() -> {
            if (!model.getMessages().isEmpty()) {
                model.conversations().create();
            }
            model.selectedModelProperty().set(file);
            model.applySettings(system, model.getSampling());
            model.inputProperty().set(text);
            model.send();
        });
        waitForReply(model, "the reply from " + file.getFileName());
        assertEquals(ChatMessage.Status.COMPLETE, last(model).getStatus(),
                last(model).getDetails());
    }

    private static ChatMessage last(ChatViewModel model) {
        return ChatFixture.last(model);
    }

    private static List<String> texts(ChatViewModel model) {
        return model.getMessages().stream().map(ChatMessage::getText).toList();
    }
}
