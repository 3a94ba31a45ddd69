package app.hearth.ui.chat;

import app.hearth.testsupport.SharedModels;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static app.hearth.ui.chat.ChatFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model drop-down shows whole file names and marks the files that cannot be used. */
class ModelChoiceTest extends RealChatWindow {

    private static final PseudoClass UNUSABLE = PseudoClass.getPseudoClass("unusable");

    @TempDir
    Path more;

    private Path broken;

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    void prepare(ChatViewModel chat) throws Exception {
        // Sorted first, so that it would be the first choice if unusable files were not
        // passed over.
        broken = Files.writeString(more.resolve("a-half-downloaded.gguf"), "<html>404</html>")
                .toAbsolutePath().normalize();
        chat.setExtraModelFolders(List.of(more));
    }

    @Test
    void marksAFileThatCannotBeUsedAndSaysWhy(FxRobot robot) throws Exception {
        waitFor(() -> model.getModels().contains(broken), "the broken file in the list");
        assertNotNull(model.problemOf(broken));
        assertNull(model.problemOf(SharedModels.stories()));
        assertEquals(SharedModels.stories(), model.selectedModelProperty().get());

        robot.clickOn("#modelChoice");
        WaitForAsyncUtils.waitForFxEvents();

        ListCell<?> bad = popupCell(robot, broken.getFileName().toString());
        assertTrue(bad.getPseudoClassStates().contains(UNUSABLE));
        assertTrue(bad.getTooltip().getText().contains(model.problemOf(broken)),
                bad.getTooltip().getText());
        ListCell<?> good = popupCell(robot, SharedModels.STORIES);
        assertFalse(good.getPseudoClassStates().contains(UNUSABLE));
        assertEquals(SharedModels.stories().toString(), good.getTooltip().getText());
    }

    @Test
    void refusesToSendToAFileThatCannotBeUsed(FxRobot robot) throws Exception {
        waitFor(() -> model.getModels().contains(broken), "the broken file in the list");

        robot.interact(() -> {
            model.selectedModelProperty().set(broken);
            model.inputProperty().set("Hello");
            model.send();
        });

        assertTrue(model.getMessages().isEmpty());
        assertTrue(model.statusProperty().get().startsWith(
                "a-half-downloaded.gguf cannot be used: "), model.statusProperty().get());
    }

    @Test
    void showsTheWholeFileNameWithItsPathAsTooltip(FxRobot robot) throws Exception {
        Path longName = SharedModels.storiesWithChatTemplate();
        waitFor(() -> model.getModels().contains(longName), "the model list");

        robot.interact(() -> model.selectedModelProperty().set(longName));
        WaitForAsyncUtils.waitForFxEvents();

        ComboBox<?> choice = robot.lookup("#modelChoice").queryComboBox();
        Text shown = (Text) choice.getButtonCell().lookup(".text");
        assertEquals(SharedModels.STORIES_CHAT, shown.getText());
        assertEquals(longName.toString(), choice.getTooltip().getText());

        robot.clickOn(choice);
        WaitForAsyncUtils.waitForFxEvents();
        for (String name : Set.of(SharedModels.STORIES_CHAT, broken.getFileName().toString())) {
            Text inPopup = (Text) popupCell(robot, name).lookup(".text");
            assertEquals(name, inPopup.getText(), "the popup cuts no name");
        }
    }

    /** The cell of the open popup that shows {@code text}; the popup is a window apart. */
    private static ListCell<?> popupCell(FxRobot robot, String text) {
        Scene window = robot.lookup("#modelChoice").query().getScene();
        return robot.lookup(".model-cell").match((ListCell<?> cell) -> text.equals(
                cell.getText()) && cell.getScene() != window).queryAs(ListCell.class);
    }
}
