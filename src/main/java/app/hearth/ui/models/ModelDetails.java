package app.hearth.ui.models;

import app.hearth.gguf.GgmlType;
import app.hearth.gguf.GgufModel;
import app.hearth.gguf.TemplateFamily;
import app.hearth.memory.MemoryEstimate;
import app.hearth.models.ModelEntry;
import app.hearth.models.ModelFormat;

import java.util.Locale;

/** The text of the picker's details pane for one model. Pure. */
final class ModelDetails {

    private ModelDetails() {
    }

    /** Several lines: the file, the model's shape, its memory and whether it fits. */
    static String describe(ModelRow row, long budgetBytes, long availableBytes) {
        ModelEntry entry = row.entry();
        if (!entry.readable()) {
            return entry.fileName() + "\n" + entry.file() + "\n\n" + entry.problem();
        }
        GgufModel model = entry.header();
        MemoryEstimate estimate = entry.estimate();
        GgmlType dominant = model.dominantTensorType();
        return String.join("\n",
                model.name() + " · " + model.architecture(),
                entry.file().toString(),
                "",
                String.format(Locale.ROOT, "%s parameters (%,d) · %s (mostly %s) · GGUF v%d",
                        ModelFormat.parameters(model.parameterCount()), model.parameterCount(),
                        model.fileType(), dominant == null ? "no tensors" : dominant.name(),
                        model.version()),
                String.format(Locale.ROOT, "%d layers · embedding %d · %d heads, %d KV heads · "
                        + "vocabulary %,d", model.blockCount(), model.embeddingLength(),
                        model.headCount(), model.kvHeadCount(), model.vocabularySize()),
                "Context: trained for " + ModelFormat.context(model.contextLength())
                        + " tokens; loads with " + ModelFormat.context(entry.contextTokens()),
                "File " + ModelFormat.size(entry.sizeBytes()),
                "Memory about " + ModelFormat.size(estimate.totalBytes()) + ": weights "
                        + ModelFormat.size(estimate.weightsBytes()) + ", KV cache "
                        + ModelFormat.size(estimate.kvCacheBytes()) + ", engine "
                        + ModelFormat.size(estimate.computeBytes()),
                "Fit: " + row.fit().label() + " (budget " + ModelFormat.size(budgetBytes)
                        + ", system has " + ModelFormat.size(availableBytes) + " available)"
                        + (row.isCached() ? " · " + row.statusText() : ""));
    }

    /** The chat template with its family, or a sentence saying there is none. */
    static String template(ModelEntry entry) {
        if (!entry.readable()) {
            return "";
        }
        String text = entry.header().chatTemplate();
        TemplateFamily family = entry.header().templateFamily();
        if (text == null || family == TemplateFamily.NONE) {
            return "This model has no chat template; Hearth continues its text as it is.";
        }
        return text;
    }

    /** The template family for the details heading, for example {@code Llama 2}. */
    static String family(ModelEntry entry) {
        if (!entry.readable()) {
            return "";
        }
        TemplateFamily family = entry.header().templateFamily();
        return switch (family) {
            case NONE -> "no template";
            case OTHER -> "unknown format";
            default -> family.name().charAt(0) + family.name().substring(1)
                    .toLowerCase(Locale.ROOT);
        };
    }
}
