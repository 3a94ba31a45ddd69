package app.hearth.ui.models;

import app.hearth.protocol.Sampling;
import app.hearth.testsupport.SharedModels;
import app.hearth.ui.FxBatchingExecutor;
import app.hearth.ui.chat.ChatMessage;
import app.hearth.ui.chat.ChatView;
import app.hearth.ui.chat.ChatViewModel;
import app.hearth.workerclient.WorkerLauncher;
import app.hearth.workerclient.WorkerService;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model picker over the real chat window, WorkerService and worker, headless, on a temp
 * folder holding copies of the shared models and a broken file.
 */
@ExtendWith(ApplicationExtension.class)
class ModelPickerDialogTest {

    private static final long TIMEOUT_SECONDS = 60;
    private static final String CHAT_MODEL = "stories260K-llama2-chat-template.gguf";

    @TempDir
    Path models;
    @TempDir
    Path data;

    private WorkerService worker;
    private ExecutorService background;
    private ChatViewModel chat;
    private ModelPickerViewModel picker;
    private ModelPickerDialog dialog;

    @Start
    void start(Stage stage) throws IOException {
        Files.copy(SharedModels.stories(), models.resolve("stories260K.gguf"));
        Files.copy(SharedModels.storiesWithChatTemplate(), models.resolve(CHAT_MODEL));
        Files.copy(SharedModels.tinyRandom(), models.resolve("llama-2-tiny-random.gguf"));
        byte[] start = Files.readAllBytes(SharedModels.stories());
        Files.write(models.resolve("broken.gguf"), Arrays.copyOf(start, 6000));

        worker = new WorkerService(WorkerLauncher.forThisInstallation(null),
                new FxBatchingExecutor());
        background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "picker-test-background");
            thread.setDaemon(true);
            return thread;
        });
        chat = new ChatViewModel(worker, Runnable::run, models,
                Sampling.DEFAULT.withMaxTokens(24).withSeed(5));
        ChatView view = new ChatView(chat);
        Scene scene = new Scene(view, 900, 600);
        scene.getStylesheets().add(ChatView.class.getResource("/app/hearth/ui/app.css")
                .toExternalForm());
        stage.setScene(scene);
        picker = new ModelPickerViewModel(worker, background, chat.selectedModelProperty(),
                models, data.resolve("model-sources.json"));
        dialog = new ModelPickerDialog(stage, picker);
        dialog.addOpenButton(view);
        stage.show();
        chat.refreshModels();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(dialog::close).get(10, TimeUnit.SECONDS);
        worker.close();
        background.shutdownNow();
    }

    @Test
    void showsEachModelsFactsAndABadFileWithItsReason(FxRobot robot) throws Exception {
        robot.clickOn("#modelsButton");
        waitFor(() -> picker.getRows().size() == 4, "four models listed");

        waitFor(() -> cellTexts(robot).containsAll(List.of("bad file", "293K", "513K")),
                "the table's cells");
        List<String> cells = cellTexts(robot);
        ModelRow tiny = row("llama-2-tiny-random.gguf");
        ModelRow broken = row("broken.gguf");
        assertAll(
                () -> assertTrue(cells.containsAll(List.of("llama-2-tiny-random.gguf", "llama",
                        "513K", "293K",
                        "F16", "F32", "2,048", "1.1 MiB", "fits", "bad file")), cells.toString()),
                () -> assertEquals("llama", tiny.architecture()),
                () -> assertEquals(32_000 * 8 * 2 + 8, tiny.parameters() - blockParameters()),
                () -> assertEquals(4096, tiny.context()),
                () -> assertEquals("fits", tiny.fitText()),
                () -> assertFalse(broken.entry().readable()),
                () -> assertTrue(broken.statusText().contains("\"broken.gguf\" is truncated"),
                        broken.statusText()),
                () -> assertTrue(cells.contains(broken.statusText()), cells.toString()));

        robot.clickOn("#row-broken_gguf");
        waitFor(() -> text("#details").contains("is truncated"), "the bad file's details");
        assertTrue(robot.lookup("#chooseButton").queryButton().isDisabled());
    }

    @Test
    void choosesAModelThatThenAnswersTheConversation(FxRobot robot) throws Exception {
        waitFor(() -> chat.selectedModelProperty().get() != null, "the chat's model list");
        robot.clickOn("#modelsButton");
        waitFor(() -> picker.getRows().size() == 4, "four models listed");

        String rowId = "#row-" + CHAT_MODEL.replaceAll("[^A-Za-z0-9_-]", "_");
        // The table keeps spare, invisible row cells that may still carry the id.
        waitFor(() -> robot.lookup(rowId).match(NodeQueryUtils.isVisible()).tryQuery()
                .isPresent(), "the model's table row on screen");
        robot.clickOn(rowId);
        waitFor(() -> text("#templateText").contains("[INST]"), "the chat template");
        assertTrue(text("#details").contains("Context: trained for 2,048 tokens"),
                text("#details"));
        assertEquals("Nothing else is loaded.", text("#pushOut"));

        robot.clickOn("#loadNowButton");
        waitFor(() -> text("#pickerStatus").startsWith("Loaded " + CHAT_MODEL),
                "Load now to finish");
        // The cache reports the load's own hold first ("generating"), then "loaded".
        waitFor(() -> row(CHAT_MODEL).isCached()
                && "loaded".equals(row(CHAT_MODEL).statusText()), "the model marked as loaded");
        waitFor(() -> text("#pushOut").startsWith("Already loaded"), "the push-out note");

        robot.clickOn("#chooseButton");
        assertEquals(CHAT_MODEL, chat.selectedModelProperty().get().getFileName().toString());
        robot.clickOn("#input").write("Once upon a time").type(KeyCode.ENTER);
        waitFor(() -> reply() != null && reply().getStatus() == ChatMessage.Status.COMPLETE,
                "the chosen model's reply");
        assertEquals(CHAT_MODEL, reply().getModel());
        assertFalse(reply().getText().isBlank());
    }

    @Test
    void listsAModelCopiedIntoTheFolderAndDropsADeletedOne(FxRobot robot) throws Exception {
        robot.clickOn("#modelsButton");
        waitFor(() -> picker.getRows().size() == 4, "four models listed");

        Path added = Files.copy(SharedModels.stories(), models.resolve("new-story.gguf"));
        Files.writeString(models.resolve("notes.gguf"), "shopping list");
        waitFor(() -> rowOrNull("new-story.gguf") != null
                && rowOrNull("new-story.gguf").entry().readable()
                && rowOrNull("notes.gguf") != null, "the new files to show up");
        assertTrue(row("notes.gguf").statusText().contains("is not a GGUF model"),
                row("notes.gguf").statusText());

        Files.delete(added);
        waitFor(() -> rowOrNull("new-story.gguf") == null, "the deleted model to go");
    }

    private static List<String> cellTexts(FxRobot robot) {
        return robot.lookup("#modelTable .table-cell").queryAll().stream()
                .map(cell -> ((Labeled) cell).getText()).filter(text -> text != null)
                .toList();
    }

    /** tiny-random's single block: norms, attention (8x8 each) and feed-forward (8x32). */
    private static long blockParameters() {
        return 8 + 4 * 64 + 8 + 3 * 256;
    }

    private ModelRow row(String fileName) {
        ModelRow row = rowOrNull(fileName);
        if (row == null) {
            throw new AssertionError("No row for " + fileName + " in " + picker.getRows());
        }
        return row;
    }

    private ModelRow rowOrNull(String fileName) {
        return List.copyOf(picker.getRows()).stream()
                .filter(row -> row.entry().fileName().equals(fileName)).findFirst()
                .orElse(null);
    }

    private ChatMessage reply() {
        List<ChatMessage> messages = List.copyOf(chat.getMessages());
        if (messages.isEmpty()) {
            return null;
        }
        ChatMessage last = messages.get(messages.size() - 1);
        return last.getRole() == ChatMessage.Role.ASSISTANT ? last : null;
    }

    private static String text(String query) {
        var node = new FxRobot().lookup(query).query();
        String text = node instanceof TextInputControl input ? input.getText()
                : ((Labeled) node).getText();
        return text == null ? "" : text;
    }

    private static void waitFor(Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + TIMEOUT_SECONDS + " s waiting for "
                    + what, e);
        }
    }
}
