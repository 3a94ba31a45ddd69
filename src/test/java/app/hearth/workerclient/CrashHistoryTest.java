package app.hearth.workerclient;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrashHistoryTest {

    private final CrashHistory history = new CrashHistory();

    @Test
    void secondCrashInARowQuarantinesTheModel() {
        List<String> first = history.crashed(List.of("/a.gguf"), "aborted, signal 6");

        List<String> second = history.crashed(List.of("/a.gguf"), "killed, signal 9");

        assertEquals(List.of(), first);
        assertEquals(List.of("/a.gguf"), second);
        assertEquals(Map.of("/a.gguf", "killed, signal 9"), history.quarantined());
    }

    @Test
    void successBetweenCrashesStartsTheCountAgain() {
        history.crashed(List.of("/a.gguf"), "x");

        history.succeeded("/a.gguf");
        List<String> quarantined = history.crashed(List.of("/a.gguf"), "x");

        assertEquals(List.of(), quarantined);
        assertNull(history.quarantineCause("/a.gguf"));
    }

    @Test
    void modelUsedTwiceAtOneCrashCountsOnce() {
        List<String> quarantined = history.crashed(List.of("/a.gguf", "/a.gguf"), "x");

        assertEquals(List.of(), quarantined);
    }

    @Test
    void clearingLetsTheModelLoadAgainWithAFreshCount() {
        history.crashed(List.of("/a.gguf"), "x");
        history.crashed(List.of("/a.gguf"), "x");

        boolean cleared = history.clear("/a.gguf");
        List<String> afterOneMore = history.crashed(List.of("/a.gguf"), "x");

        assertTrue(cleared);
        assertEquals(List.of(), afterOneMore);
    }
}
