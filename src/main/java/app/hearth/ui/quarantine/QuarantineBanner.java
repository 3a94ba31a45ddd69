package app.hearth.ui.quarantine;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A bar above the chat that names a quarantined model, with Try again and Dismiss. */
public final class QuarantineBanner extends HBox {

    public QuarantineBanner(QuarantineViewModel model) {
        super(8);
        setId("quarantineBanner");
        getStyleClass().add("quarantine-banner");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 6, 12));

        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(model.messageProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button retry = new Button("Try again");
        retry.setId("retryQuarantined");
        retry.setOnAction(event -> model.retry());
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(event -> model.dismiss());
        getChildren().addAll(text, retry, dismiss);

        visibleProperty().bind(Bindings.isNotNull(model.modelProperty()));
        managedProperty().bind(visibleProperty());
    }
}
