package app.hearth.cache;

import java.nio.file.Path;

/**
 * What makes two loads of a model interchangeable: the file and the options that change the
 * loaded model's memory or behaviour.
 *
 * @param path        absolute, normalized path of the GGUF file
 * @param contextSize context window in tokens, positive
 * @param threads     decoding threads, positive
 */
public record ModelKey(Path path, int contextSize, int threads) {
}
