package app.hearth.worker;

import app.hearth.cache.ModelKey;
import de.kherud.llama.LlamaModel;

/**
 * A model held by the worker's cache.
 *
 * @param native_ the binding's model
 * @param loadMs  how long the load took, in ms
 * @param stamp   the file as it was when loaded, to notice it changing under the model
 * @param addsBeginningToken whether the engine starts every prompt with a BOS token
 */
record LoadedModel(ModelKey key, LlamaModel native_, long loadMs, FileStamp stamp,
        boolean addsBeginningToken) {

    /**
     * The tokens a text takes as a prompt. The binding's {@code encode} leaves out the
     * beginning-of-sequence token that a generation adds, so it is counted here.
     */
    int promptTokens(String text) {
        return native_.encode(text).length + (addsBeginningToken ? 1 : 0);
    }
}
