package app.hearth.ui.window;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowPlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740);
    private static final Rectangle2D MONITOR_ON_THE_RIGHT = new Rectangle2D(1366, 0, 2560, 1400);

    @TempDir
    Path dir;

    @Test
    void aWindowOnAScreenIsReachable() {
        WindowPlacement placement = new WindowPlacement(200, 100, 1000, 600, false);

        assertTrue(placement.reachableOn(List.of(LAPTOP)));
    }

    @Test
    void aWindowLeftOnAMonitorThatIsGoneIsNot() {
        WindowPlacement onTheMonitor = new WindowPlacement(2000, 300, 1000, 600, false);

        assertTrue(onTheMonitor.reachableOn(List.of(LAPTOP, MONITOR_ON_THE_RIGHT)));
        assertFalse(onTheMonitor.reachableOn(List.of(LAPTOP)));
    }

    @Test
    void aWindowWhoseTitleBarIsAboveTheScreenOrWithASliverOnItIsNot() {
        assertFalse(new WindowPlacement(100, -50, 800, 600, false).reachableOn(List.of(LAPTOP)));
        assertFalse(new WindowPlacement(1330, 100, 800, 600, false)
                .reachableOn(List.of(LAPTOP)));
        assertFalse(new WindowPlacement(Double.NaN, 0, 800, 600, false)
                .reachableOn(List.of(LAPTOP)));
        assertFalse(new WindowPlacement(0, 0, 0, 600, false).reachableOn(List.of(LAPTOP)));
    }

    @Test
    void aWindowLargerThanTheScreenShrinksToIt() {
        WindowPlacement big = new WindowPlacement(0, 0, 2400, 1300, true);

        assertEquals(new WindowPlacement(0, 0, 1366, 740, true), big.shrunkTo(LAPTOP));
    }

    @Test
    void theStoreGivesBackWhatItSavedAndNothingForABrokenFile() throws Exception {
        WindowPlacementStore store = new WindowPlacementStore(dir.resolve("data/window.json"));
        WindowPlacement placement = new WindowPlacement(12.5, 40, 1000, 620, true);

        Optional<WindowPlacement> before = store.load();
        store.save(placement);
        Optional<WindowPlacement> after = store.load();
        Files.writeString(dir.resolve("data/window.json"), "{\"x\": \"left\",");
        Optional<WindowPlacement> broken = store.load();

        assertEquals(Optional.empty(), before);
        assertEquals(Optional.of(placement), after);
        assertEquals(Optional.empty(), broken);
    }
}
