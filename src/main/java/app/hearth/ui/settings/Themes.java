package app.hearth.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Locale;

/** Applies a {@link Theme} with AtlantaFX's Primer themes. FX thread only. */
public final class Themes {

    private static final String DARK_OVERRIDES = "/app/hearth/ui/dark.css";

    private Themes() {
    }

    /** Sets the app's look; the scene gets Hearth's dark colours on top when dark. */
    public static void apply(Theme theme, Scene scene) {
        boolean dark = theme == Theme.DARK || (theme == Theme.SYSTEM && systemPrefersDark());
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        String overrides = Themes.class.getResource(DARK_OVERRIDES).toExternalForm();
        scene.getStylesheets().remove(overrides);
        if (dark) {
            scene.getStylesheets().add(overrides);
        }
    }

    /**
     * Whether the desktop asks for dark windows. JavaFX 21 has no API for it; GTK's theme
     * variable is the one signal read here.
     */
    static boolean systemPrefersDark() {
        // TODO(#6): read the GNOME color-scheme, the Windows registry and macOS's
        // AppleInterfaceStyle (or Platform.getPreferences once on JavaFX 22).
        String gtk = System.getenv("GTK_THEME");
        return gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark");
    }
}
