package app.hearth.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Guards the package rules of DESIGN.md §1 and STYLE.md by reading the sources. */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/app/hearth");

    @Test
    void onlyTheWorkerImportsTheNativeBinding() throws IOException {
        Map<String, String> offenders = filesMatching("import de.kherud.llama",
                file -> !packageOf(file).startsWith("worker"));

        assertEquals(Map.of(), offenders);
    }

    @Test
    void protocolGgufCacheAndMemoryImportNoJavaFx() throws IOException {
        List<String> pure = List.of("protocol", "gguf", "cache", "memory", "models", "worker",
                "workerclient", "chat");

        Map<String, String> offenders = filesMatching("import javafx.",
                file -> pure.stream().anyMatch(name -> packageOf(file).equals(name)
                        || packageOf(file).startsWith(name + ".")));

        assertEquals(Map.of(), offenders);
    }

    @Test
    void onlyTheWorkerEntryPointTouchesTheRealStdout() throws IOException {
        Map<String, String> offenders = filesMatching("FileDescriptor.out",
                file -> !file.endsWith(Path.of("worker/WorkerMain.java"))
                        && !file.endsWith(Path.of("Hearth.java")));

        assertEquals(Map.of(), offenders);
    }

    @Test
    void viewModelsImportNoSceneGraph() throws IOException {
        Map<String, String> offenders = filesMatching("import javafx.scene",
                file -> file.getFileName().toString().endsWith("ViewModel.java"));

        assertEquals(Map.of(), offenders);
    }

    @Test
    void noLineIsWiderThan120Columns() throws IOException {
        Map<String, String> offenders = new TreeMap<>();
        for (Path file : javaFiles()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > 120) {
                    offenders.put(file + ":" + (i + 1), lines.get(i).strip());
                }
            }
        }

        assertEquals(Map.of(), offenders);
    }

    @Test
    void findsTheSources() throws IOException {
        assertFalse(javaFiles().isEmpty(), "no sources under " + SOURCES.toAbsolutePath());
    }

    private static Map<String, String> filesMatching(String text,
            java.util.function.Predicate<Path> forbiddenIn) throws IOException {
        Map<String, String> offenders = new TreeMap<>();
        for (Path file : javaFiles()) {
            if (forbiddenIn.test(file) && Files.readString(file).contains(text)) {
                offenders.put(SOURCES.relativize(file).toString(), text);
            }
        }
        return offenders;
    }

    private static String packageOf(Path file) {
        Path relative = SOURCES.relativize(file.getParent());
        return relative.toString().replace(java.io.File.separatorChar, '.');
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }
}
