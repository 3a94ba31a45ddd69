package app.hearth.ui.settings;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Settings dialog: memory budget, idle expiry, models folders, threads, default context
 * size and theme. Its result is the new settings, or empty when cancelled. OK stays disabled
 * while a number does not parse.
 */
public final class SettingsDialog extends Dialog<AppSettings> {

    private static final double GIB = 1024.0 * 1024 * 1024;

    private final TextField budget = field("memoryBudget");
    private final TextField idle = field("idleExpiry");
    private final TextArea folders = new TextArea();
    private final TextField threads = field("threads");
    private final TextField context = field("contextSize");
    private final ChoiceBox<Theme> theme = new ChoiceBox<>();

    /**
     * @param current              the settings in force
     * @param automaticBudgetBytes the budget that applies when none is set, to show it
     */
    public SettingsDialog(AppSettings current, long automaticBudgetBytes) {
        setTitle("Settings");
        getDialogPane().setId("settingsDialog");
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setContent(createFields());
        budget.setPromptText(String.format(Locale.ROOT, "Automatic: %.1f",
                automaticBudgetBytes / GIB));
        show(current);
        bindOk();
        setResultConverter(button -> button == ButtonType.OK ? read() : null);
    }

    private GridPane createFields() {
        folders.setId("modelsFolders");
        folders.setPrefRowCount(3);
        folders.setPromptText("One folder per line");
        theme.setId("theme");
        theme.getItems().setAll(Theme.values());
        theme.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Theme value) {
                return value == null ? "" : switch (value) {
                    case SYSTEM -> "As the system";
                    case LIGHT -> "Light";
                    case DARK -> "Dark";
                };
            }

            @Override
            public Theme fromString(String text) {
                return null;
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(16, 16, 8, 16));
        row(grid, 0, "Memory budget (GiB, empty = automatic)", budget);
        row(grid, 1, "Unload idle models after (minutes, 0 = never)", idle);
        row(grid, 2, "More models folders", folders);
        row(grid, 3, "Threads (0 = automatic)", threads);
        row(grid, 4, "Default context size (tokens)", context);
        row(grid, 5, "Theme", theme);
        return grid;
    }

    private void show(AppSettings settings) {
        long bytes = settings.memoryBudgetBytes();
        budget.setText(bytes <= 0 ? "" : String.format(Locale.ROOT, "%.1f", bytes / GIB));
        idle.setText(Integer.toString(settings.idleExpiryMinutes()));
        folders.setText(String.join("\n", settings.modelsFolders()));
        threads.setText(Integer.toString(settings.threads()));
        context.setText(Integer.toString(settings.defaultContextSize()));
        theme.setValue(settings.theme());
    }

    private void bindOk() {
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> read() == null,
                budget.textProperty(), idle.textProperty(), threads.textProperty(),
                context.textProperty()));
    }

    /** The settings the fields describe, or null while one does not parse. */
    private AppSettings read() {
        try {
            String budgetText = budget.getText().strip();
            double gib = budgetText.isEmpty() ? 0 : Double.parseDouble(budgetText);
            int minutes = Integer.parseInt(idle.getText().strip());
            int threadCount = Integer.parseInt(threads.getText().strip());
            int contextSize = Integer.parseInt(context.getText().strip());
            boolean budgetOk = gib >= 0 && !Double.isInfinite(gib);
            if (!budgetOk || minutes < 0 || threadCount < 0 || contextSize < 256) {
                return null;
            }
            List<String> extra = Arrays.stream(folders.getText().split("\n"))
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
            return new AppSettings((long) (gib * GIB), minutes, extra, threadCount,
                    contextSize, theme.getValue());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void row(GridPane grid, int row, String label, Node field) {
        Label name = new Label(label);
        // The units and the meaning of 0 are in the label: never cut them off.
        name.setMinWidth(Label.USE_PREF_SIZE);
        grid.addRow(row, name, field);
    }

    private static TextField field(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(8);
        return field;
    }
}
