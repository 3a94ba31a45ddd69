package app.hearth.workerclient;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts, per model, how often in a row the worker died while that model was loading or
 * generating, and sets aside (quarantines) a model that did it {@value #LIMIT} times, so
 * that a model that kills the engine does not do so on every message. A model leaves
 * quarantine only when asked to: the user decides to try it again.
 *
 * <p>Models are named by the path string the UI uses. Written on the service thread; read
 * from any thread.
 */
final class CrashHistory {

    /** Crashes in a row after which a model is quarantined. */
    static final int LIMIT = 2;

    private final Map<String, Integer> strikes = new ConcurrentHashMap<>();
    private final Map<String, String> quarantined = new ConcurrentHashMap<>();

    /**
     * Records that the worker died while these models were in use.
     *
     * @param cause what happened, as in "aborted, signal 6"
     * @return the models quarantined by this crash
     */
    List<String> crashed(Collection<String> models, String cause) {
        return models.stream().distinct()
                .filter(model -> strikes.merge(model, 1, Integer::sum) >= LIMIT)
                .peek(model -> quarantined.put(model, cause))
                .toList();
    }

    /** The model served a request to its end: its crashes are no longer in a row. */
    void succeeded(String model) {
        strikes.remove(model);
    }

    /** The cause of the last crash of a quarantined model, or null if it is not set aside. */
    String quarantineCause(String model) {
        return quarantined.get(model);
    }

    /** Lets the model be loaded again; returns whether it was quarantined. */
    boolean clear(String model) {
        strikes.remove(model);
        return quarantined.remove(model) != null;
    }

    /** The quarantined models and the cause of each one's last crash. */
    Map<String, String> quarantined() {
        return Map.copyOf(quarantined);
    }
}
