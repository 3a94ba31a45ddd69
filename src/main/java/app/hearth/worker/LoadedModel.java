package app.hearth.worker;

import app.hearth.cache.ModelKey;
import de.kherud.llama.LlamaModel;

/**
 * A model held by the worker's cache.
 *
 * @param native_     the binding's model
 * @param loadMs      how long the load took, in ms
 * @param lastModified the file's modification time when loaded, to notice a file replaced
 *                     under a loaded model
 */
record LoadedModel(ModelKey key, LlamaModel native_, long loadMs, long lastModified) {
}
