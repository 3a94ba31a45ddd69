package app.hearth.gguf;

import java.util.List;
import java.util.Objects;

/**
 * A metadata array. Long arrays (a vocabulary, its merges) are counted, not kept, so that a
 * header costs little memory; {@link #values()} is then empty while {@link #length()} is exact.
 * {@link GgufReader#readWithVocabulary} keeps the token texts and types.
 *
 * @param elementType the GGUF name of the element type, for example {@code "STRING"}
 * @param length the number of elements in the file
 * @param values the elements when kept, else empty; never {@code null}. Integers are
 *     {@link Long}, floats {@link Double}, and nested arrays are {@link GgufArray}
 */
public record GgufArray(String elementType, long length, List<Object> values) {

    public GgufArray {
        Objects.requireNonNull(elementType, "elementType");
        values = List.copyOf(values);
    }

    /** Whether the elements were kept. */
    public boolean isKept() {
        return values.size() == length;
    }
}
