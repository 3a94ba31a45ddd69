package app.hearth.ui.settings;

/** The look of the window. */
public enum Theme {
    /** Light or dark as the desktop says, light where it says nothing. */
    SYSTEM,
    LIGHT,
    DARK
}
