package app.hearth.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Applies the light or dark look with AtlantaFX's Primer themes. FX thread only. */
final class Themes {

    private static final String DARK_OVERRIDES = "/app/hearth/ui/dark.css";

    private Themes() {
    }

    /** Sets the app's look; the scene gets Hearth's dark colours on top when dark. */
    static void apply(boolean dark, Scene scene) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        String overrides = darkOverrides();
        scene.getStylesheets().remove(overrides);
        if (dark) {
            scene.getStylesheets().add(overrides);
        }
    }

    /** The stylesheet of Hearth's own dark colours. */
    static String darkOverrides() {
        return Themes.class.getResource(DARK_OVERRIDES).toExternalForm();
    }
}
