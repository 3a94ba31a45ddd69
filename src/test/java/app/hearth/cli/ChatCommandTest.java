package app.hearth.cli;

import app.hearth.app.AppPaths;
import app.hearth.testsupport.SharedModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatCommandTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void tellsAStoryFromTheDemoModel() {
        List<String> args = List.of("--model", SharedModels.stories().toString(),
                "--max-tokens", "40", "--seed", "7", "--temperature", "0", "--stats",
                "Once", "upon", "a", "time");

        int code = command().run(args);

        String story = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(story.split("\\s+").length >= 10, "a story of several words: " + story);
        assertTrue(story.matches("(?s).*\\b(was|the|a|and)\\b.*"), story);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("tokens/s"));
    }

    @Test
    void wrapsThePromptInTheModelsChatTemplateWhenItHasOne() {
        List<String> plain = List.of("--model", SharedModels.stories().toString(),
                "--max-tokens", "3", "--stats", "Hello", "there");
        List<String> templated = List.of("--model",
                SharedModels.storiesWithChatTemplate().toString(), "--max-tokens", "3",
                "--stats", "Hello", "there");

        command().run(plain);
        int plainTokens = promptTokens();
        err.reset();
        command().run(templated);
        int templatedTokens = promptTokens();

        // The same vocabulary, so the difference is the [INST] … [/INST] wrapping.
        assertTrue(templatedTokens > plainTokens + 4,
                plainTokens + " tokens plain, " + templatedTokens + " with the template");
    }

    private int promptTokens() {
        String stats = err.toString(StandardCharsets.UTF_8);
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("(\\d+) prompt tokens").matcher(stats);
        assertTrue(matcher.find(), stats);
        return Integer.parseInt(matcher.group(1));
    }

    @Test
    void findsAModelByFileNameInTheModelsFolder() {
        int code = command(SharedModels.folder()).run(
                List.of("--model", "stories260K.gguf", "--max-tokens", "5", "Hello"));

        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void failsWithAClearMessageForAMissingModel() {
        int code = command().run(List.of("--model", "/nowhere/missing.gguf", "Hello"));

        assertEquals(ExitCode.FAILED, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("/nowhere/missing.gguf"));
    }

    @Test
    void explainsUsageForAnUnknownOptionOrNoPrompt() {
        int unknown = command().run(List.of("--colour", "red", "Hello"));
        int noPrompt = command().run(List.of("--max-tokens", "5"));

        assertEquals(ExitCode.USAGE, unknown);
        assertEquals(ExitCode.USAGE, noPrompt);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: hearth chat"));
    }

    @Test
    void rejectsATokenLimitThatIsNotANumber() {
        int code = command().run(List.of("--max-tokens", "many", "Hello"));

        assertEquals(ExitCode.USAGE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--max-tokens"));
    }

    private ChatCommand command() {
        return command(data.resolve("models"));
    }

    private ChatCommand command(Path models) {
        AppPaths paths = new AppPaths(data, data.resolve("logs"), models);
        return new ChatCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), paths);
    }
}
