package app.hearth.gguf;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a GGUF tensor index. The reader never loads tensor data.
 *
 * @param name the tensor's name, never {@code null}
 * @param type its element type, never {@code null}
 * @param dims its dimensions, innermost first, each at least 1; never {@code null}
 * @param offset where its data starts, in bytes from the model's data offset
 * @param byteSize how many bytes its data takes
 */
public record GgufTensor(String name, GgmlType type, List<Long> dims, long offset, long byteSize) {

    public GgufTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        dims = List.copyOf(dims);
    }

    /** The number of elements: the product of the dimensions. */
    public long elementCount() {
        long count = 1;
        for (long dim : dims) {
            count *= dim;
        }
        return count;
    }
}
