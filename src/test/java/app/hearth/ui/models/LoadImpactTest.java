package app.hearth.ui.models;

import app.hearth.models.ModelCatalog;
import app.hearth.models.ModelEntry;
import app.hearth.protocol.CachedModel;
import app.hearth.testsupport.SharedModels;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadImpactTest {

    private static final long MIB = 1L << 20;

    private final ModelEntry stories = ModelCatalog.describe(SharedModels.stories());

    @Test
    void namesTheLeastRecentlyUsedIdleModelsALoadWouldPushOut() {
        List<CachedModel> cached = List.of(
                cached("/models/recent.gguf", "ready", 1_000, 200 * MIB),
                cached("/models/old.gguf", "ready", 90_000, 200 * MIB));
        long budget = 400 * MIB + stories.estimatedBytes() / 2;

        String text = LoadImpact.describe(stories, cached, budget);

        assertEquals("Loading it would push out old.gguf.", text);
    }

    @Test
    void neverPushesOutAModelThatIsAnswering() {
        List<CachedModel> cached = List.of(
                cached("/models/busy.gguf", "generating", 0, 300 * MIB));
        long budget = 300 * MIB + stories.estimatedBytes() / 2;

        String text = LoadImpact.describe(stories, cached, budget);

        assertTrue(text.startsWith("Models that are answering hold the room"), text);
    }

    @Test
    void saysNothingMovesWhenThereIsRoom() {
        List<CachedModel> cached = List.of(cached("/models/other.gguf", "ready", 5, 10 * MIB));

        String text = LoadImpact.describe(stories, cached, 8L << 30);

        assertEquals("Loading it pushes no cached model out.", text);
    }

    @Test
    void passesOnTheWorkersRefusalOfAModelLargerThanTheBudget() {
        String text = LoadImpact.describe(stories, List.of(), stories.estimatedBytes() / 2);

        assertTrue(text.contains("more than the whole memory budget"), text);
    }

    @Test
    void recognisesAModelTheWorkerAlreadyHolds() {
        List<CachedModel> cached = List.of(cached(stories.file().toString(), "ready", 5,
                stories.estimatedBytes()));

        String text = LoadImpact.describe(stories, cached, 8L << 30);

        assertTrue(text.startsWith("Already loaded"), text);
    }

    private static CachedModel cached(String path, String state, long idleMs, long bytes) {
        return new CachedModel(Path.of(path).toAbsolutePath().toString(), state, false, idleMs,
                bytes, 0, 2048, 2);
    }
}
