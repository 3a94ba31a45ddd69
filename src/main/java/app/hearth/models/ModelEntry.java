package app.hearth.models;

import app.hearth.gguf.GgufException;
import app.hearth.gguf.GgufModel;
import app.hearth.memory.MemoryEstimate;

import java.nio.file.Path;

/**
 * One model file as the picker and {@code hearth models} show it: what its header says and
 * what it would take in memory, or why it cannot be used. Immutable.
 *
 * @param file          absolute, normalized path; never null
 * @param sizeBytes     the file's length in bytes; -1 if unknown
 * @param header        the header facts; null when the file is bad
 * @param contextTokens the context the worker would load it with, in tokens; 0 when bad
 * @param estimate      memory at that context; null when the file is bad
 * @param problem       why the file is bad, one sentence for people; null when it is good
 * @param reason        the kind of problem; null when the file is good
 */
public record ModelEntry(Path file, long sizeBytes, GgufModel header, int contextTokens,
        MemoryEstimate estimate, String problem, GgufException.Reason reason) {

    /** Whether the header could be read; if not, {@link #problem()} says why. */
    public boolean readable() {
        return header != null;
    }

    /** The file's name, for example {@code stories260K.gguf}. */
    public String fileName() {
        return String.valueOf(file.getFileName());
    }

    /** The estimated total memory in bytes; -1 when the file is bad. */
    public long estimatedBytes() {
        return estimate == null ? -1 : estimate.totalBytes();
    }
}
