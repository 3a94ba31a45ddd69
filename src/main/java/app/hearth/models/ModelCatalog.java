package app.hearth.models;

import app.hearth.app.ModelFiles;
import app.hearth.gguf.GgufException;
import app.hearth.gguf.GgufModel;
import app.hearth.gguf.GgufReader;
import app.hearth.memory.MemoryEstimate;
import app.hearth.memory.MemoryEstimator;
import app.hearth.protocol.ModelOptions;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lists the {@code .gguf} files of folders and single files and describes each one. Bad files
 * are described too, with their reason; nothing is left out and nothing throws. Stateless and
 * thread-safe; reads the disk, so never call it on the FX thread.
 */
public final class ModelCatalog {

    private static final Comparator<ModelEntry> BY_NAME = Comparator
            .comparing((ModelEntry entry) -> entry.fileName().toLowerCase(Locale.ROOT))
            .thenComparing(ModelEntry::file);

    private ModelCatalog() {
    }

    /**
     * Describes the models of some folders (their {@code .gguf} files, not their subfolders)
     * and some single files, each once, sorted by file name.
     *
     * @param folders folders to list; a missing folder adds nothing
     * @param files   single model files; a missing one is listed with its problem
     * @return never null
     */
    public static List<ModelEntry> scan(Collection<Path> folders, Collection<Path> files) {
        Set<Path> found = new LinkedHashSet<>();
        folders.forEach(folder -> found.addAll(ModelFiles.list(folder)));
        files.forEach(file -> found.add(file.toAbsolutePath().normalize()));
        return found.stream().map(ModelCatalog::describe).sorted(BY_NAME).toList();
    }

    /** Reads one file's header and estimates its memory; never throws for a bad file. */
    public static ModelEntry describe(Path file) {
        Path path = file.toAbsolutePath().normalize();
        try {
            GgufModel header = GgufReader.read(path);
            int context = ModelOptions.contextFor(header.contextLength());
            MemoryEstimate estimate = MemoryEstimator.estimate(header, context);
            return new ModelEntry(path, header.fileSizeBytes(), header, context, estimate,
                    null, null);
        } catch (GgufException e) {
            long size = path.toFile().length();
            return new ModelEntry(path, size > 0 ? size : -1, null, 0, null, e.getMessage(),
                    e.reason());
        }
    }
}
