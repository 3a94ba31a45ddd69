package app.hearth.chat;

import app.hearth.protocol.Sampling;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a conversation out as Markdown for reading or JSON for machines, with what is
 * needed to reproduce each reply: the model file's name and SHA-256, its quantization, the
 * prompt format, the system prompt and the sampling settings. Blocks on the disk when it
 * hashes model files: never on the JavaFX thread.
 */
public final class ConversationExport {

    /** The two formats. */
    public enum Format { MARKDOWN, JSON }

    private ConversationExport() {
    }

    /** Hashes the models the replies used and writes the file atomically. */
    public static void write(Conversation conversation, Format format, Path target)
            throws IOException {
        Conversation hashed = withHashes(conversation, hashModels(conversation));
        String text = format == Format.MARKDOWN ? markdown(hashed) : json(hashed);
        AtomicFile.write(target, text.getBytes(StandardCharsets.UTF_8),
                AtomicFile.Checkpoint.NONE);
    }

    /** The conversation as JSON, in the format it is saved in. */
    public static String json(Conversation conversation) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(conversation);
    }

    /** The conversation as Markdown, each reply followed by how it was made. */
    public static String markdown(Conversation conversation) {
        StringBuilder out = new StringBuilder("# ").append(conversation.title()).append("\n\n");
        if (!conversation.systemPrompt().isBlank()) {
            out.append("System prompt:\n\n> ")
                    .append(conversation.systemPrompt().strip().replace("\n", "\n> "))
                    .append("\n\n");
        }
        for (Message message : conversation.messages()) {
            if (message.role() == Role.USER) {
                out.append("## You\n\n").append(message.text().strip()).append("\n\n");
            } else {
                appendReply(out, message);
            }
        }
        return out.toString();
    }

    /** A copy whose replies carry the SHA-256 of their model files, where known. */
    public static Conversation withHashes(Conversation conversation,
            Map<String, String> sha256ByPath) {
        List<Message> hashed = conversation.messages().stream().map(message -> {
            ModelRef ref = message.model();
            if (ref == null || ref.path() == null || !sha256ByPath.containsKey(ref.path())) {
                return message;
            }
            ModelRef withHash = new ModelRef(ref.fileName(), ref.path(),
                    sha256ByPath.get(ref.path()), ref.quantization(), ref.templateFamily());
            return new Message(message.id(), message.role(), message.text(),
                    message.createdAtMs(), message.status(), withHash, message.sampling(),
                    message.systemPrompt(), message.stats());
        }).toList();
        return new Conversation(conversation.schema(), conversation.id(), conversation.title(),
                conversation.model(), conversation.systemPrompt(), conversation.sampling(),
                hashed, conversation.createdAtMs(), conversation.updatedAtMs());
    }

    private static Map<String, String> hashModels(Conversation conversation)
            throws IOException {
        Map<String, String> hashes = new HashMap<>();
        for (Message message : conversation.messages()) {
            ModelRef ref = message.model();
            if (ref != null && ref.path() != null && !hashes.containsKey(ref.path())
                    && Files.isRegularFile(Path.of(ref.path()))) {
                hashes.put(ref.path(), ModelProbe.sha256(Path.of(ref.path())));
            }
        }
        return hashes;
    }

    private static void appendReply(StringBuilder out, Message reply) {
        ModelRef model = reply.model();
        out.append("## ").append(model == null ? "Assistant" : model.fileName()).append("\n\n")
                .append(reply.text().strip()).append("\n\n");
        if (reply.status() != MessageStatus.COMPLETE) {
            out.append("_(").append(reply.status().name().toLowerCase(Locale.ROOT))
                    .append(")_\n\n");
        }
        out.append("<details><summary>How this reply was made</summary>\n\n");
        if (model != null) {
            out.append("- model: ").append(model.fileName()).append('\n')
                    .append("- sha256: ").append(orUnknown(model.sha256())).append('\n')
                    .append("- quantization: ").append(orUnknown(model.quantization()))
                    .append('\n')
                    .append("- prompt format: ").append(orUnknown(model.templateFamily()))
                    .append('\n');
        }
        Sampling s = reply.sampling();
        if (s != null) {
            out.append(String.format(Locale.ROOT, "- sampling: temperature %s, top-p %s, "
                    + "top-k %d, min-p %s, repeat penalty %s, max tokens %d, seed %d%n",
                    s.temperature(), s.topP(), s.topK(), s.minP(), s.repeatPenalty(),
                    s.maxTokens(), s.seed()));
        }
        if (reply.systemPrompt() != null && !reply.systemPrompt().isBlank()) {
            out.append("- system prompt: ").append(reply.systemPrompt().strip()
                    .replace("\n", " ")).append('\n');
        }
        if (reply.stats() != null) {
            ReplyStats stats = reply.stats();
            out.append(String.format(Locale.ROOT, "- tokens: %d prompt, %d generated; "
                    + "%.1f tokens/s; first token after %.0f ms%n", stats.promptTokens(),
                    stats.generatedTokens(), stats.tokensPerSecond(),
                    stats.timeToFirstTokenMs()));
        }
        out.append("\n</details>\n\n");
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }
}
