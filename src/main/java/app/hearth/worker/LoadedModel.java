package app.hearth.worker;

import app.hearth.cache.ModelKey;
import de.kherud.llama.LlamaModel;

/**
 * A model held by the worker's cache.
 *
 * @param native_ the binding's model
 * @param loadMs  how long the load took, in ms
 * @param stamp   the file as it was when loaded, to notice it changing under the model
 */
record LoadedModel(ModelKey key, LlamaModel native_, long loadMs, FileStamp stamp) {
}
