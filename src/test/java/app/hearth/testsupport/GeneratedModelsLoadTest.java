package app.hearth.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.hearth.gguf.GgmlType;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The written files are real models: the binding loads them and generates in a child JVM. */
class GeneratedModelsLoadTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F16", "Q8_0", "Q4_0"})
    void bindingLoadsAndRunsGeneratedModel(GgmlType type) throws Exception {
        Path model = GgufWriter.write(GgufWriter.Spec.tiny().withType(type)
                .withChatTemplate(ChatTemplates.MISTRAL), dir.resolve(type + ".gguf"));

        ChildJvm.Result result = ChildJvm.run(LoadProbe.class, dir.resolve("probe"), 60,
                model.toString(), "256", "8", "8");

        assertGenerated(result);
    }

    @Test
    void bindingLoadsAndRunsRewrittenModel() throws Exception {
        Path model = GgufRewriter.copy(SharedModels.path(SharedModels.STORIES),
                dir.resolve("l3.gguf"),
                Map.of("tokenizer.chat_template", ChatTemplates.LLAMA3), Set.of());

        ChildJvm.Result result = ChildJvm.run(LoadProbe.class, dir.resolve("probe"), 60,
                model.toString(), "256", "8", "8");

        assertGenerated(result);
    }

    private static void assertGenerated(ChildJvm.Result result) {
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().stream().anyMatch(line -> line.startsWith("phase generated")),
                String.join("\n", result.stdout()));
    }
}
