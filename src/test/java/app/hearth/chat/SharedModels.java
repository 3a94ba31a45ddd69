package app.hearth.chat;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/** The real small models tests run against; a missing one fails the test, never skips it. */
public final class SharedModels {

    public static final String STORIES = "stories260K.gguf";
    public static final String LLAMA2_TEMPLATE = "stories260K-llama2-chat-template.gguf";

    private SharedModels() {
    }

    /** The model's path; fails the test with where it looked if the file is not there. */
    public static Path require(String name) {
        String folder = System.getProperty("hearth.shared.models");
        if (folder == null) {
            fail("System property hearth.shared.models is not set; run the tests with Maven");
        }
        Path model = Path.of(folder, name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(model)) {
            fail("Test model " + name + " is missing at " + model
                    + "; see ../shared/models/PROVENANCE.md");
        }
        return model;
    }
}
