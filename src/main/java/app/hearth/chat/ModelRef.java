package app.hearth.chat;

/**
 * The model that wrote a reply, described well enough to find it again and reproduce the
 * answer.
 *
 * @param fileName       the GGUF file's name; never null
 * @param path           the absolute path it was loaded from; may be null
 * @param sha256         hex SHA-256 of the file; null until computed
 * @param quantization   the file type as the GGUF header names it (for example Q4_0); null
 *                       if unknown
 * @param templateFamily the prompt format used, a {@code PromptFamily} name; null if unknown
 */
public record ModelRef(
        String fileName, String path, String sha256, String quantization,
        String templateFamily) {

    public ModelRef {
        if (fileName == null) {
            throw new IllegalArgumentException("a model reference needs a file name");
        }
    }
}
