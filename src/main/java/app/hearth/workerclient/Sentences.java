package app.hearth.workerclient;

import java.nio.file.Path;

/**
 * The sentences people read when the worker fails: what happened and what to do, one each.
 * Details (exit codes, pids, stack traces) go to the log instead. Stateless.
 */
final class Sentences {

    private Sentences() {
    }

    static String crashed(String cause) {
        return "The model engine stopped unexpectedly (" + cause + "); the reply so far is "
                + "kept and your next message starts the engine again.";
    }

    static String hung(String reason) {
        return "The model engine " + reason + ", so Hearth stopped it; the reply so far is "
                + "kept and your next message starts the engine again.";
    }

    static String quarantinedNow(String model, String cause) {
        return "The model engine stopped (" + cause + ") for the second time in a row with "
                + fileName(model) + ", so Hearth will not load that model again until you "
                + "retry it.";
    }

    static String quarantined(String model, String cause) {
        return fileName(model) + " is set aside because the model engine stopped twice in a "
                + "row with it (last: " + cause + "); retry it to load it again.";
    }

    private static String fileName(String model) {
        try {
            Path name = Path.of(model).getFileName();
            return name == null ? model : name.toString();
        } catch (RuntimeException e) {
            return model;
        }
    }
}
