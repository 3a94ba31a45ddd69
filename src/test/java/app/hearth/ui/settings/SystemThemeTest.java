package app.hearth.ui.settings;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the desktop's light or dark preference from what its tools print. */
class SystemThemeTest {

    private static final String REG_DARK = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows"
            + "\\CurrentVersion\\Themes\\Personalize\r\n"
            + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n";

    @Test
    void readsGnomesColorScheme() {
        assertEquals(Optional.of(true), SystemTheme.gnomeDark("'prefer-dark'\n"));
        assertEquals(Optional.of(false), SystemTheme.gnomeDark("'prefer-light'\n"));
        assertEquals(Optional.empty(), SystemTheme.gnomeDark("'default'\n"));
        assertEquals(Optional.empty(), SystemTheme.gnomeDark(""));
    }

    @Test
    void readsDarkInAGtkThemeName() {
        assertTrue(SystemTheme.namesDark("'Adwaita-dark'\n"));
        assertTrue(SystemTheme.namesDark("Yaru:DARK"));
        assertFalse(SystemTheme.namesDark("'Adwaita'\n"));
    }

    @Test
    void readsMacOsInterfaceStyle() {
        assertTrue(SystemTheme.macDark("Dark\n"));
        assertFalse(SystemTheme.macDark("Light\n"));
        assertFalse(SystemTheme.macDark(""));
    }

    @Test
    void readsTheWindowsRegistryValue() {
        assertEquals(Optional.of(true), SystemTheme.windowsDark(REG_DARK));
        assertEquals(Optional.of(false), SystemTheme.windowsDark(REG_DARK.replace("0x0", "0x1")));
        assertEquals(Optional.empty(), SystemTheme.windowsDark("ERROR: The system was unable "
                + "to find the specified registry key or value."));
        assertEquals(Optional.empty(), SystemTheme.windowsDark(REG_DARK.replace("0x0", "0xzz")));
    }

    @Test
    void asksEachPlatformItsOwnTool() {
        Map<String, String> none = Map.of();

        assertTrue(SystemTheme.prefersDark("Windows 11", none, answers(Map.of("reg", REG_DARK))));
        assertTrue(SystemTheme.prefersDark("Mac OS X", none, answers(Map.of("defaults", "Dark"))));
        assertTrue(SystemTheme.prefersDark("Linux", none,
                answers(Map.of("color-scheme", "'prefer-dark'"))));
        assertFalse(SystemTheme.prefersDark("Mac OS X", none, answers(Map.of("reg", REG_DARK))));
    }

    @Test
    void fallsBackOnLinuxFromTheColorSchemeToTheGtkThemeToGtkTheme() {
        CommandOutput defaultScheme = answers(Map.of("color-scheme", "'default'",
                "gtk-theme", "'Adwaita-dark'"));
        CommandOutput lightTheme = answers(Map.of("color-scheme", "'default'",
                "gtk-theme", "'Adwaita'"));
        CommandOutput explicitLight = answers(Map.of("color-scheme", "'prefer-light'",
                "gtk-theme", "'Adwaita-dark'"));

        assertTrue(SystemTheme.prefersDark("Linux", Map.of(), defaultScheme));
        assertFalse(SystemTheme.prefersDark("Linux", Map.of(), lightTheme));
        assertTrue(SystemTheme.prefersDark("Linux", Map.of("GTK_THEME", "Arc-Dark"),
                lightTheme));
        assertFalse(SystemTheme.prefersDark("Linux", Map.of(), explicitLight));
    }

    @Test
    void missingToolsMeanLight() {
        CommandOutput real = CommandOutput.processes(Duration.ofSeconds(5));
        List<List<String>> ran = new ArrayList<>();
        CommandOutput missing = command -> {
            List<String> renamed = new ArrayList<>(command);
            renamed.set(0, "hearth-test-no-such-" + command.get(0));
            ran.add(renamed);
            return real.run(renamed);
        };

        for (String os : List.of("Linux", "Mac OS X", "Windows 10")) {
            assertFalse(SystemTheme.prefersDark(os, Map.of(), missing), os);
        }
        assertEquals(4, ran.size(), "Linux asks twice, the others once: " + ran);
    }

    @Test
    void aToolThatDoesNotAnswerInTimeIsGivenUp() {
        CommandOutput quick = CommandOutput.processes(Duration.ofMillis(300));
        long started = System.nanoTime();

        Optional<String> answer = quick.run(List.of("sleep", "20"));

        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Optional.empty(), answer);
        assertTrue(ms < 5_000, "gave up after " + ms + " ms");
    }

    @Test
    void returnsWhatAToolPrinted() {
        CommandOutput real = CommandOutput.processes(Duration.ofSeconds(5));

        assertEquals(Optional.of("'prefer-dark'\n"),
                real.run(List.of("echo", "'prefer-dark'")));
        assertEquals(Optional.empty(), real.run(List.of("false")));
    }

    /** A stand-in for the tools: answers a command whose last word or name is a key. */
    private static CommandOutput answers(Map<String, String> byWord) {
        return command -> {
            String last = command.get(command.size() - 1);
            String name = command.get(0);
            return Optional.ofNullable(byWord.getOrDefault(last, byWord.get(name)));
        };
    }
}
