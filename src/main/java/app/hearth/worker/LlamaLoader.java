package app.hearth.worker;

import app.hearth.cache.ModelKey;
import app.hearth.cache.ModelLoadException;
import app.hearth.cache.ModelLoader;
import app.hearth.protocol.ErrorCode;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import org.tinylog.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Loads GGUF files through the binding, after checking in Java what the binding cannot say. */
final class LlamaLoader implements ModelLoader<LoadedModel> {

    private static final byte[] GGUF_MAGIC = {'G', 'G', 'U', 'F'};

    @Override
    public void check(ModelKey key) throws ModelLoadException {
        checkFile(key.path());
    }

    @Override
    public LoadedModel load(ModelKey key) throws ModelLoadException {
        Path path = key.path();
        long started = System.nanoTime();
        ModelParameters parameters = new ModelParameters()
                .setModel(path.toString())
                .setCtxSize(key.contextSize())
                .setThreads(key.threads())
                .setThreadsBatch(key.threads())
                // The warm-up leaves a second OpenMP team that slows decoding (DESIGN.md §3).
                // Issue 8's sweeps (1B Q4_0, 2 threads, PASSIVE, 2-core machine at load 6-12):
                // 10.1-11.1 tok/s without it, 6.1-10.3 with it. One thread gave 5.7-12.0, no
                // clear win over two, so the thread count stays the core count.
                .skipWarmup()
                .disableLog();
        try {
            LlamaModel model = new LlamaModel(parameters);
            long loadMs = (System.nanoTime() - started) / 1_000_000;
            Logger.info("Loaded {} (context {}) in {} ms", path.getFileName(),
                    key.contextSize(), loadMs);
            return new LoadedModel(key, model, loadMs, lastModified(path));
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
        // FIXME(#3): close() in de.kherud:llama 4.2.0 returns almost nothing to the system;
        // the memory only comes back when the worker process ends.
        model.native_().close();
        Logger.info("Unloaded {}", model.key().path().getFileName());
    }

    private static void checkFile(Path path) throws ModelLoadException {
        if (!Files.exists(path)) {
            throw new ModelLoadException(ErrorCode.MODEL_NOT_FOUND,
                    "The model file " + path + " does not exist.");
        }
        if (!Files.isRegularFile(path)) {
            throw new ModelLoadException(ErrorCode.MODEL_INVALID,
                    path + " is not a file; choose a .gguf model file.");
        }
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(path)) {
            int read = in.readNBytes(magic, 0, 4);
            if (read < 4 || !Arrays.equals(magic, GGUF_MAGIC)) {
                throw new ModelLoadException(ErrorCode.MODEL_INVALID,
                        path.getFileName() + " is not a GGUF model file.");
            }
        } catch (IOException e) {
            throw new ModelLoadException(ErrorCode.MODEL_NOT_FOUND,
                    "The model file " + path + " cannot be read: " + e.getMessage());
        }
    }

    private static long lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
