package app.hearth.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared small models, found through the {@code hearth.shared.models} system property.
 * A missing model fails the test with a message that says where it was expected; these tests
 * never skip.
 */
public final class Models {

    public static final String STORIES = "stories260K.gguf";
    public static final String TINY_RANDOM = "llama-2-tiny-random.gguf";
    public static final String STORIES_CHAT = "stories260K-llama2-chat-template.gguf";

    private Models() {
    }

    /** Returns the path of a shared model, failing the calling test when it is missing. */
    public static Path shared(String fileName) {
        Path dir = Path.of(System.getProperty("hearth.shared.models", "../shared/models"));
        Path file = dir.resolve(fileName).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            fail("The test model " + file + " is missing; put the shared models in " + dir
                    + " or set -Dhearth.shared.models");
        }
        return file;
    }
}
