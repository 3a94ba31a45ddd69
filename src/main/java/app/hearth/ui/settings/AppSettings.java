package app.hearth.ui.settings;

import app.hearth.protocol.ModelOptions;

import java.util.List;

/**
 * The app-wide settings, saved as {@code settings.json} in the data folder. Immutable.
 *
 * @param memoryBudgetBytes  what the models may take together, in bytes; 0 lets the worker
 *                           choose (a share of physical memory)
 * @param idleExpiryMinutes  minutes after which an unused model is unloaded; 0 never
 * @param modelsFolders      extra folders to look for models in, besides the default one;
 *                           never null
 * @param threads            decoding threads; 0 lets the worker choose
 * @param defaultContextSize context window of new loads, in tokens, capped by what each
 *                           model was trained for
 * @param theme              light, dark, or as the system says; never null
 */
public record AppSettings(
        long memoryBudgetBytes, int idleExpiryMinutes, List<String> modelsFolders,
        int threads, int defaultContextSize, Theme theme) {

    /** What a first start uses. */
    public static final AppSettings DEFAULT = new AppSettings(0, 30, List.of(), 0,
            ModelOptions.DEFAULT_CONTEXT_TOKENS,
            Theme.SYSTEM);

    public AppSettings {
        modelsFolders = modelsFolders == null ? List.of() : List.copyOf(modelsFolders);
        theme = theme == null ? Theme.SYSTEM : theme;
        defaultContextSize = defaultContextSize <= 0
                ? ModelOptions.DEFAULT_CONTEXT_TOKENS : defaultContextSize;
        threads = Math.max(0, threads);
        idleExpiryMinutes = Math.max(0, idleExpiryMinutes);
        memoryBudgetBytes = Math.max(0, memoryBudgetBytes);
    }
}
