package app.hearth.worker;

import app.hearth.memory.EngineSettings;
import de.kherud.llama.ModelParameters;

/**
 * The binding's parameters for loading a model as the worker does. Public so that the
 * memory calibration in the tests measures exactly the configuration the product runs.
 */
public final class EngineParameters {

    private EngineParameters() {
    }

    /**
     * The worker's parameters: {@link EngineSettings#WORKER} and the choices below.
     *
     * @param enginePath the path as the engine should open it ({@link EnginePath})
     * @param contextTokens the context size, positive
     * @param threads decoding and batch threads, positive
     */
    public static ModelParameters of(String enginePath, int contextTokens, int threads) {
        return of(enginePath, contextTokens, threads, EngineSettings.WORKER);
    }

    /** The worker's parameters with other memory-relevant settings, for measurements. */
    public static ModelParameters of(String enginePath, int contextTokens, int threads,
            EngineSettings settings) {
        ModelParameters parameters = new ModelParameters()
                .setModel(enginePath)
                .setCtxSize(contextTokens)
                .setThreads(threads)
                .setThreadsBatch(threads)
                // The compute buffer grows with the micro-batch (EngineSettings.WORKER).
                .setUbatchSize(settings.microBatchTokens())
                // The warm-up leaves a second OpenMP team that slows decoding (DESIGN.md §3).
                // Issue 8's sweeps (1B Q4_0, 2 threads, PASSIVE, 2-core machine at load 6-12):
                // 10.1-11.1 tok/s without it, 6.1-10.3 with it. One thread gave 5.7-12.0, no
                // clear win over two, so the thread count stays the core count.
                .skipWarmup()
                // A mapped model file that another program truncates or rewrites while a
                // reply streams kills the process with SIGBUS (DESIGN.md §3); a model read
                // into the worker's own memory outlives any change to its file, which the
                // worker then notices before the next use (FileStamp).
                .disableMmap()
                .disableLog();
        if (settings.flashAttention()) {
            parameters.enableFlashAttn();
        }
        return parameters;
    }
}
