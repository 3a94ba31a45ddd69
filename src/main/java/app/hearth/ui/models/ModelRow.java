package app.hearth.ui.models;

import app.hearth.gguf.GgufModel;
import app.hearth.models.FitVerdict;
import app.hearth.models.ModelEntry;
import app.hearth.models.ModelFormat;

import java.nio.file.Path;

/**
 * One line of the model picker's table: a model file, whether the worker holds it, and
 * whether it fits. Immutable.
 *
 * @param entry  what the file's header says, or why it is bad
 * @param cached the worker's state of the model ({@code ready}, {@code loading},
 *               {@code generating}); null when it is not cached
 * @param fit    whether it fits in memory now
 */
public record ModelRow(ModelEntry entry, String cached, FitVerdict fit) {

    /** The model file. */
    public Path file() {
        return entry.file();
    }

    /** The model's own name, or the file name for a bad file. */
    public String name() {
        GgufModel header = entry.header();
        return header == null ? entry.fileName() : header.name();
    }

    public String architecture() {
        GgufModel header = entry.header();
        return header == null || header.architecture() == null ? "" : header.architecture();
    }

    public long parameters() {
        return entry.readable() ? entry.header().parameterCount() : -1;
    }

    public String quantization() {
        return entry.readable() ? entry.header().fileType() : "";
    }

    /** The context the model loads with, in tokens; 0 for a bad file. */
    public long context() {
        return entry.contextTokens();
    }

    public long sizeBytes() {
        return entry.sizeBytes();
    }

    public long estimatedBytes() {
        return entry.estimatedBytes();
    }

    /** The fit column: the verdict, or {@code bad file}. */
    public String fitText() {
        return entry.readable() ? fit.label() : "bad file";
    }

    /** The status column: the worker's state of the model, or why the file is bad. */
    public String statusText() {
        if (!entry.readable()) {
            return entry.problem();
        }
        if (cached == null) {
            return "";
        }
        return "ready".equals(cached) ? "loaded" : cached;
    }

    /** Whether the worker holds the model. */
    public boolean isCached() {
        return cached != null;
    }

    /** The parameter count as people write it. */
    static String parametersText(long count) {
        return count < 0 ? "" : ModelFormat.parameters(count);
    }
}
