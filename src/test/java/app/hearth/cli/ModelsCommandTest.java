package app.hearth.cli;

import app.hearth.app.AppPaths;
import app.hearth.testsupport.SharedModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelsCommandTest {

    @TempDir
    Path data;
    @TempDir
    Path models;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsEachModelOnOneAlignedLineWithItsFacts() throws IOException {
        Files.copy(SharedModels.stories(), models.resolve("stories260K.gguf"));
        Files.copy(SharedModels.tinyRandom(), models.resolve("llama-2-tiny-random.gguf"));

        int code = command().run(List.of("--dir", models.toString()));

        List<String> lines = output().lines().toList();
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(lines.get(0).matches("FILE +NAME +ARCH +PARAMS +QUANT +CONTEXT +SIZE "
                + "+ESTIMATE +FIT"), lines.get(0));
        assertTrue(lines.get(1).matches("llama-2-tiny-random\\.gguf +LLaMA v2 +llama +513K "
                + "+F16 +4,096 +1\\.7 MiB +[0-9.]+ MiB +fits"), lines.get(1));
        assertTrue(lines.get(2).matches("stories260K\\.gguf +llama +llama +293K +F32 +2,048 "
                + "+1\\.1 MiB +[0-9.]+ MiB +fits"), lines.get(2));
        assertEquals(lines.get(0).indexOf("FIT"), lines.get(1).indexOf("fits"));
        assertEquals(lines.get(1).indexOf("fits"), lines.get(2).indexOf("fits"));
    }

    @Test
    void listsEachBadFileWithItsReason() throws IOException {
        Files.copy(SharedModels.stories(), models.resolve("stories260K.gguf"));
        byte[] start = Files.readAllBytes(SharedModels.stories());
        Files.write(models.resolve("cut.gguf"), Arrays.copyOf(start, 3000));
        Files.writeString(models.resolve("notes.gguf"), "just some notes");

        int code = command().run(List.of("--dir", models.toString()));

        String text = output();
        assertEquals(0, code);
        assertTrue(text.contains("Not usable:\n"), text);
        assertTrue(text.contains("  cut.gguf: The file \"cut.gguf\" is truncated"), text);
        assertTrue(text.contains("  notes.gguf: The file \"notes.gguf\" is not a GGUF model"),
                text);
        assertTrue(text.indexOf("stories260K.gguf") < text.indexOf("Not usable"), text);
    }

    @Test
    void failsWithAClearMessageForAMissingFolder() {
        Path missing = models.resolve("nowhere");

        int code = command().run(List.of("--dir", missing.toString()));

        assertEquals(ExitCode.FAILED, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(missing + " is not a folder"));
    }

    @Test
    void saysWhereToGetAModelWhenTheFolderIsEmpty() {
        int code = command().run(List.of("--dir", models.toString()));

        assertEquals(ExitCode.OK, code);
        assertEquals("", output());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("No .gguf models in"));
    }

    private ModelsCommand command() {
        return new ModelsCommand(print(out), print(err),
                new AppPaths(data, data.resolve("logs"), data.resolve("models")));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
