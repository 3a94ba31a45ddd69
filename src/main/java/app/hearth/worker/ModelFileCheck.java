package app.hearth.worker;

import app.hearth.cache.ModelLoadException;
import app.hearth.gguf.GgufException;
import app.hearth.gguf.GgufReader;
import app.hearth.protocol.ErrorCode;

import java.nio.file.Path;

/**
 * Checks a model file in Java before the engine sees it. The binding answers every bad file
 * with one generic exception, and some (a file whose tensors reach past its end) with a
 * crash, so the reader's precise sentence is what people get instead.
 */
final class ModelFileCheck {

    private ModelFileCheck() {
    }

    /** Throws with a plain sentence unless the file is a GGUF model the reader accepts. */
    static void check(Path path) throws ModelLoadException {
        try {
            GgufReader.read(path);
        } catch (GgufException e) {
            String code = e.reason() == GgufException.Reason.NOT_FOUND
                    ? ErrorCode.MODEL_NOT_FOUND : ErrorCode.MODEL_INVALID;
            throw new ModelLoadException(code, e.getMessage());
        }
    }

    /**
     * Whether the engine starts prompts to this model with a beginning-of-sequence token; yes
     * when the header cannot say, as for most models, so counts err on the long side.
     */
    static boolean addsBeginningToken(Path path) {
        try {
            return GgufReader.read(path).addsBeginningToken();
        } catch (GgufException e) {
            return true;
        }
    }
}
