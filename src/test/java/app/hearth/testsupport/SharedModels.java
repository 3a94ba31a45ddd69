package app.hearth.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The small real models of {@code ../shared/models}, found through the system property
 * {@code hearth.shared.models} that surefire sets. A missing model fails the test that needs
 * it with a message saying where it was looked for; these tests never skip.
 */
public final class SharedModels {

    /** The demo model: llama2.c's 260K-parameter TinyStories model, 1 MB. */
    public static final String STORIES = "stories260K.gguf";
    /** Random weights with the Llama 2 vocabulary, byte tokens included. */
    public static final String TINY_RANDOM = "llama-2-tiny-random.gguf";
    /** {@link #STORIES} with a Llama 2 chat template in its metadata. */
    public static final String STORIES_CHAT = "stories260K-llama2-chat-template.gguf";

    private SharedModels() {
    }

    /** The shared models folder. */
    public static Path folder() {
        return Path.of(System.getProperty("hearth.shared.models", "../shared/models"))
                .toAbsolutePath().normalize();
    }

    /** The path of a shared model; fails the calling test if it is not there. */
    public static Path path(String name) {
        Path model = folder().resolve(name);
        if (!Files.isRegularFile(model)) {
            fail("Test model " + name + " is missing: expected it at " + model + " (the shared "
                    + "models folder beside the checkout, see PROVENANCE.md there; "
                    + "-Dhearth.shared.models points elsewhere)");
        }
        return model;
    }

    public static Path stories() {
        return path(STORIES);
    }

    public static Path tinyRandom() {
        return path(TINY_RANDOM);
    }

    public static Path storiesWithChatTemplate() {
        return path(STORIES_CHAT);
    }
}
