package app.hearth.ui.settings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the desktop asks for dark windows. JavaFX 21 has no API for it (JavaFX 22's
 * {@code Platform.getPreferences} has), so the platform's own tools are asked: on Linux
 * GNOME's {@code color-scheme}, then the GTK theme's name, then {@code GTK_THEME}; on macOS
 * {@code AppleInterfaceStyle}; on Windows the {@code AppsUseLightTheme} registry value. A
 * missing tool or an answer that says nothing means light.
 *
 * <p>Runs commands: call it off the FX thread.
 */
final class SystemTheme {

    private static final List<String> COLOR_SCHEME = List.of("gsettings", "get",
            "org.gnome.desktop.interface", "color-scheme");
    private static final List<String> GTK_THEME = List.of("gsettings", "get",
            "org.gnome.desktop.interface", "gtk-theme");
    private static final List<String> MAC_STYLE = List.of("defaults", "read", "-g",
            "AppleInterfaceStyle");
    private static final List<String> WINDOWS_LIGHT = List.of("reg", "query",
            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
            "/v", "AppsUseLightTheme");

    private SystemTheme() {
    }

    /**
     * @param osName      the {@code os.name} system property
     * @param environment the process environment, for {@code GTK_THEME}
     * @param commands    runs the platform's tools
     */
    static boolean prefersDark(String osName, Map<String, String> environment,
            CommandOutput commands) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return commands.run(WINDOWS_LIGHT).flatMap(SystemTheme::windowsDark).orElse(false);
        }
        if (os.startsWith("mac")) {
            return commands.run(MAC_STYLE).map(SystemTheme::macDark).orElse(false);
        }
        Optional<Boolean> scheme = commands.run(COLOR_SCHEME).flatMap(SystemTheme::gnomeDark);
        if (scheme.isPresent()) {
            return scheme.get();
        }
        if (commands.run(GTK_THEME).map(SystemTheme::namesDark).orElse(false)) {
            return true;
        }
        return namesDark(environment.getOrDefault("GTK_THEME", ""));
    }

    /**
     * GNOME 42's {@code color-scheme}, printed as {@code 'prefer-dark'}: dark or light when
     * it says so, empty for {@code 'default'}, which leaves it to the theme.
     */
    static Optional<Boolean> gnomeDark(String printed) {
        String value = unquote(printed);
        if (value.equals("prefer-dark")) {
            return Optional.of(true);
        }
        return value.equals("prefer-light") ? Optional.of(false) : Optional.empty();
    }

    /** A theme name such as {@code 'Adwaita-dark'} or {@code Yaru:dark}. */
    static boolean namesDark(String printed) {
        return unquote(printed).toLowerCase(Locale.ROOT).contains("dark");
    }

    /** {@code defaults read -g AppleInterfaceStyle} prints {@code Dark}, or fails in light. */
    static boolean macDark(String printed) {
        return printed.strip().equalsIgnoreCase("dark");
    }

    /** The {@code AppsUseLightTheme} line of {@code reg query}: {@code 0x0} means dark. */
    static Optional<Boolean> windowsDark(String printed) {
        for (String line : printed.split("\\R")) {
            String[] words = line.strip().split("\\s+");
            if (words.length == 3 && words[0].equalsIgnoreCase("AppsUseLightTheme")
                    && words[1].equalsIgnoreCase("REG_DWORD")) {
                return parseDword(words[2]).map(light -> light == 0);
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> parseDword(String word) {
        try {
            String digits = word.toLowerCase(Locale.ROOT);
            return Optional.of(digits.startsWith("0x") ? Long.parseLong(digits.substring(2), 16)
                    : Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String unquote(String printed) {
        String value = printed.strip();
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.strip();
    }
}
