package app.hearth.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The small real models of {@code ../shared/models}, found through the system property
 * {@code hearth.shared.models} that surefire sets. A missing model fails the test loudly.
 */
public final class SharedModels {

    /** The demo model: 1 MB, writes children's stories. */
    public static final String STORIES = "stories260K.gguf";

    /** Random weights with the Llama 2 vocabulary, byte tokens included. */
    public static final String TINY_RANDOM = "llama-2-tiny-random.gguf";

    private SharedModels() {
    }

    /** The path of a shared model; fails the test if it is not there. */
    public static Path path(String name) {
        String folder = System.getProperty("hearth.shared.models");
        if (folder == null) {
            fail("System property hearth.shared.models is not set; run the tests through Maven");
        }
        Path model = Path.of(folder, name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(model)) {
            fail("Test model " + model + " is missing; see ../shared/models/PROVENANCE.md");
        }
        return model;
    }
}
