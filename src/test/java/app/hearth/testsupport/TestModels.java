package app.hearth.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The small real models of {@code ../shared/models}, for tests. A missing model fails the test
 * that needs it with a message saying where it was looked for; it never skips silently.
 */
public final class TestModels {

    private TestModels() {
    }

    /** The demo model: llama2.c's 260K-parameter TinyStories model. */
    public static Path stories() {
        return find("stories260K.gguf");
    }

    /** Random weights with the Llama 2 vocabulary, byte tokens included. */
    public static Path tinyRandom() {
        return find("llama-2-tiny-random.gguf");
    }

    /** {@link #stories()} with a Llama 2 chat template in its metadata. */
    public static Path storiesWithChatTemplate() {
        return find("stories260K-llama2-chat-template.gguf");
    }

    /** The shared models folder. */
    public static Path folder() {
        return Path.of(System.getProperty("hearth.shared.models", "../shared/models"))
                .toAbsolutePath().normalize();
    }

    private static Path find(String name) {
        Path model = folder().resolve(name);
        if (!Files.isRegularFile(model)) {
            throw new AssertionError("Test model " + name + " is missing: expected it at "
                    + model + " (the shared models folder beside the checkout; set "
                    + "-Dhearth.shared.models to point elsewhere)");
        }
        return model;
    }
}
