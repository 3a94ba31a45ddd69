package app.hearth.ui.chat;

import app.hearth.protocol.Sampling;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The open conversation's system prompt and sampling settings, shown above the transcript
 * when the toolbar button asks for them. Apply saves them with the conversation.
 */
final class ConversationSettingsPane extends VBox {

    private final ChatViewModel model;
    private final TextArea system = new TextArea();
    private final TextField temperature = field("temperature");
    private final TextField topP = field("topP");
    private final TextField topK = field("topK");
    private final TextField minP = field("minP");
    private final TextField repeat = field("repeatPenalty");
    private final TextField maxTokens = field("maxTokens");
    private final TextField seed = field("seed");
    private final Label problem = new Label();
    private final Runnable afterApply;

    /** @param afterApply runs once new settings are applied: the caret goes back to typing */
    ConversationSettingsPane(ChatViewModel model, Runnable afterApply) {
        super(6);
        this.model = model;
        this.afterApply = afterApply;
        setId("conversationSettings");
        getStyleClass().add("conversation-settings");
        setPadding(new Insets(8, 12, 8, 12));
        getChildren().addAll(createFields(), createButtons());
        setVisible(false);
        setManaged(false);
        model.conversations().currentProperty().addListener((obs, old, now) -> reset());
    }

    /** Shows the pane with the open conversation's values, or hides it. */
    void toggle() {
        boolean show = !isVisible();
        if (show) {
            reset();
        }
        setVisible(show);
        setManaged(show);
    }

    private GridPane createFields() {
        system.setId("systemPrompt");
        system.setPromptText("System prompt: how the model should behave (optional)");
        system.setPrefRowCount(2);
        system.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        grid.add(system, 0, 0, 8, 1);
        grid.addRow(1, label("Temperature"), temperature, label("Top-p"), topP,
                label("Top-k"), topK, label("Min-p"), minP);
        grid.addRow(2, label("Repeat penalty"), repeat, label("Max tokens"), maxTokens,
                label("Seed (-1 random)"), seed);
        return grid;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private HBox createButtons() {
        Button apply = new Button("Apply");
        apply.setId("applyConversationSettings");
        apply.setOnAction(event -> apply());
        problem.getStyleClass().add("problem");
        HBox.setHgrow(problem, Priority.ALWAYS);
        return new HBox(8, apply, problem);
    }

    private void reset() {
        Sampling sampling = model.getSampling();
        system.setText(model.getSystemPrompt());
        temperature.setText(number(sampling.temperature()));
        topP.setText(number(sampling.topP()));
        topK.setText(Integer.toString(sampling.topK()));
        minP.setText(number(sampling.minP()));
        repeat.setText(number(sampling.repeatPenalty()));
        maxTokens.setText(Integer.toString(sampling.maxTokens()));
        seed.setText(Long.toString(sampling.seed()));
        problem.setText("");
    }

    private void apply() {
        try {
            Sampling sampling = new Sampling(Float.parseFloat(temperature.getText().strip()),
                    Float.parseFloat(topP.getText().strip()),
                    Integer.parseInt(topK.getText().strip()),
                    Float.parseFloat(minP.getText().strip()),
                    Float.parseFloat(repeat.getText().strip()),
                    Integer.parseInt(maxTokens.getText().strip()),
                    Long.parseLong(seed.getText().strip()));
            if (sampling.maxTokens() <= 0 || sampling.temperature() < 0) {
                problem.setText("Max tokens must be positive and temperature not negative.");
                return;
            }
            model.applySettings(system.getText(), sampling);
            problem.setText("");
            afterApply.run();
        } catch (IllegalArgumentException e) {
            // NumberFormatException too: text, or a number like NaN or 1e40 that is no use.
            problem.setText("Each setting needs an ordinary number.");
        }
    }

    private static TextField field(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(5);
        return field;
    }

    private static String number(float value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
