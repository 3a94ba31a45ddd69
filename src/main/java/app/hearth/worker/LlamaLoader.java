package app.hearth.worker;

import app.hearth.cache.ModelKey;
import app.hearth.cache.ModelLoadException;
import app.hearth.cache.ModelLoader;
import app.hearth.protocol.ErrorCode;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import org.tinylog.Logger;

import java.nio.file.Path;

/** Loads GGUF files through the binding, after checking in Java what the binding cannot say. */
final class LlamaLoader implements ModelLoader<LoadedModel> {

    @Override
    public void check(ModelKey key) throws ModelLoadException {
        ModelFileCheck.check(key.path());
    }

    @Override
    public LoadedModel load(ModelKey key) throws ModelLoadException {
        Path path = key.path();
        long started = System.nanoTime();
        // Stamped before the load, so a change during the load also shows as a change.
        FileStamp stamp = FileStamp.of(path);
        ModelParameters parameters = EngineParameters.of(EnginePath.of(path).toString(),
                key.contextSize(), key.threads());
        try {
            LlamaModel model = new LlamaModel(parameters);
            long loadMs = (System.nanoTime() - started) / 1_000_000;
            Logger.info("Loaded {} (context {}) in {} ms", path.getFileName(),
                    key.contextSize(), loadMs);
            return new LoadedModel(key, model, loadMs, stamp,
                    ModelFileCheck.addsBeginningToken(path));
        } catch (RuntimeException e) {
            // The binding throws one generic exception; its reason went to stderr.
            Logger.error(e, "The engine could not load {}", path);
            throw new ModelLoadException(ErrorCode.MODEL_LOAD_FAILED,
                    "The engine could not load " + path.getFileName()
                            + "; the file may be damaged or of an unsupported architecture.");
        }
    }

    @Override
    public void free(LoadedModel model) {
        // close() in de.kherud:llama 4.2.0 returns nothing to the system, the weights
        // included (measured); the cache counts the memory as held until the worker retires.
        model.native_().close();
        Logger.info("Unloaded {}", model.key().path().getFileName());
    }

    @Override
    public boolean freeReturnsMemory() {
        return false;
    }
}
