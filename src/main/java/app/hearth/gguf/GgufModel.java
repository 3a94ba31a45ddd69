package app.hearth.gguf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a GGUF file's header says about its model. Immutable and thread-safe.
 *
 * <p>Sizes are in bytes and dimensions in elements. Hyperparameters that the file does not
 * state are 0; text that it does not state is {@code null} where documented.
 */
public final class GgufModel {

    /** llama.cpp's {@code LLAMA_TOKEN_TYPE_CONTROL}. */
    private static final long CONTROL_TOKEN = 3;

    private final Path file;
    private final long fileSizeBytes;
    private final int version;
    private final Map<String, Object> metadata;
    private final List<GgufTensor> tensors;
    private final long dataOffset;
    private final int alignment;
    private final String architecture;

    GgufModel(Path file, long fileSizeBytes, int version, Map<String, Object> metadata,
            List<GgufTensor> tensors, long dataOffset, int alignment) {
        this.file = Objects.requireNonNull(file, "file");
        this.fileSizeBytes = fileSizeBytes;
        this.version = version;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.tensors = List.copyOf(tensors);
        this.dataOffset = dataOffset;
        this.alignment = alignment;
        this.architecture = string("general.architecture").orElse(null);
    }

    /** The file as it was given to the reader; never {@code null}. */
    public Path file() {
        return file;
    }

    /** The file's size in bytes when it was read. */
    public long fileSizeBytes() {
        return fileSizeBytes;
    }

    /** The GGUF version: 2 or 3. */
    public int version() {
        return version;
    }

    /** {@code general.architecture}, for example {@code "llama"}; {@code null} if absent. */
    public String architecture() {
        return architecture;
    }

    /** {@code general.name}, or the file name when the model has none; never {@code null}. */
    public String name() {
        Optional<String> name = string("general.name").filter(text -> !text.isBlank());
        return name.orElseGet(() -> String.valueOf(file.getFileName()));
    }

    /** The number of weights: the sum of all tensors' element counts. */
    public long parameterCount() {
        long sum = 0;
        for (GgufTensor tensor : tensors) {
            sum += tensor.elementCount();
        }
        return sum;
    }

    /**
     * The quantization as llama.cpp names it ({@code "Q4_K_M"}, {@code "F16"}, {@code "F32"}),
     * from {@code general.file_type}, else the dominant tensor type; {@code "unknown"} when
     * neither says.
     */
    public String fileType() {
        OptionalLong number = integer("general.file_type");
        String label = number.isPresent() ? FileTypes.label(number.getAsLong()) : null;
        if (label != null) {
            return label;
        }
        GgmlType dominant = dominantTensorType();
        return dominant == null ? "unknown" : dominant.name();
    }

    /** The tensor type that takes the most bytes; {@code null} for a file without tensors. */
    public GgmlType dominantTensorType() {
        Map<GgmlType, Long> bytes = new HashMap<>();
        for (GgufTensor tensor : tensors) {
            bytes.merge(tensor.type(), tensor.byteSize(), Long::sum);
        }
        return bytes.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** The context length the model was trained for, in tokens. */
    public long contextLength() {
        return archInteger("context_length");
    }

    /** The number of transformer blocks (layers). */
    public long blockCount() {
        return archInteger("block_count");
    }

    /** The number of attention heads (the largest, when it varies by layer). */
    public long headCount() {
        return archInteger("attention.head_count");
    }

    /** The number of key/value heads; equal to {@link #headCount()} unless the file says. */
    public long kvHeadCount() {
        long stated = archInteger("attention.head_count_kv");
        return stated > 0 ? stated : headCount();
    }

    /** The width of the hidden state, {@code n_embd}. */
    public long embeddingLength() {
        return archInteger("embedding_length");
    }

    /** The width of the feed-forward layers, {@code n_ff} (the largest, when it varies). */
    public long feedForwardLength() {
        return archInteger("feed_forward_length");
    }

    /** The number of tokens, from the tokenizer's list or else {@code <arch>.vocab_size}. */
    public long vocabularySize() {
        Object tokens = metadata.get("tokenizer.ggml.tokens");
        if (tokens instanceof GgufArray) {
            return ((GgufArray) tokens).length();
        }
        return archInteger("vocab_size");
    }

    /** The width of one key head: {@code attention.key_length}, else embedding / heads. */
    public long headSize() {
        long stated = archInteger("attention.key_length");
        return stated > 0 ? stated : defaultHeadSize();
    }

    /** The width of one value head: {@code attention.value_length}, else embedding / heads. */
    public long valueHeadSize() {
        long stated = archInteger("attention.value_length");
        return stated > 0 ? stated : defaultHeadSize();
    }

    /**
     * The key and value elements one token adds to the cache over all layers:
     * blocks × KV heads × (key head size + value head size). 0 when the header lacks them.
     */
    public long kvCacheElementsPerToken() {
        try {
            long perLayer = Math.multiplyExact(kvHeadCount(),
                    Math.addExact(headSize(), valueHeadSize()));
            return Math.multiplyExact(blockCount(), perLayer);
        } catch (ArithmeticException ex) {
            // Only a damaged header gets here; no real model comes near.
            return Long.MAX_VALUE;
        }
    }

    /**
     * Whether the engine puts a beginning-of-sequence token before a prompt: {@code
     * tokenizer.ggml.add_bos_token} where the file says, else what llama.cpp assumes for the
     * tokenizer kind (yes for SentencePiece "llama" and WordPiece "bert", no for the rest).
     */
    public boolean addsBeginningToken() {
        if (metadata.get("tokenizer.ggml.add_bos_token") instanceof Boolean stated) {
            return stated;
        }
        String kind = string("tokenizer.ggml.model").orElse("");
        return kind.equals("llama") || kind.equals("bert");
    }

    /** {@code tokenizer.chat_template}, or {@code null} when the model has none. */
    public String chatTemplate() {
        return string("tokenizer.chat_template").orElse(null);
    }

    /**
     * The texts of the vocabulary's control tokens ({@code tokenizer.ggml.token_type} 3), in
     * vocabulary order: {@code <s>}, {@code <|im_end|>}, {@code <|eot_id|>} and the like.
     * The engine reads these spellings in a prompt as the tokens themselves. Empty when the
     * file has no such lists, and for any real vocabulary (over 1,024 tokens) unless the
     * model was read with {@link GgufReader#readWithVocabulary}; never {@code null}.
     */
    public List<String> controlTokens() {
        List<Object> texts = arrayValues("tokenizer.ggml.tokens");
        List<Object> types = arrayValues("tokenizer.ggml.token_type");
        if (texts.size() != types.size()) {
            return List.of();
        }
        List<String> control = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (types.get(i) instanceof Long type && type == CONTROL_TOKEN
                    && texts.get(i) instanceof String text) {
                control.add(text);
            }
        }
        return List.copyOf(control);
    }

    /** The guessed prompt format of {@link #chatTemplate()}; never {@code null}. */
    public TemplateFamily templateFamily() {
        return TemplateFamily.guess(chatTemplate());
    }

    /**
     * All metadata in file order. Integers are {@link Long}, floats {@link Double}, booleans
     * {@link Boolean}, text {@link String} and arrays {@link GgufArray}.
     */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** The value of a metadata key, if present. */
    public Optional<Object> value(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    /** The text of a metadata key, if present and text. */
    public Optional<String> string(String key) {
        Object value = metadata.get(key);
        return value instanceof String ? Optional.of((String) value) : Optional.empty();
    }

    /** The integer value of a metadata key, if present and an integer. */
    public OptionalLong integer(String key) {
        Object value = metadata.get(key);
        return value instanceof Long ? OptionalLong.of((Long) value) : OptionalLong.empty();
    }

    /** The tensor index in file order; never {@code null}. */
    public List<GgufTensor> tensors() {
        return tensors;
    }

    /** Where tensor data starts, in bytes from the start of the file. */
    public long dataOffset() {
        return dataOffset;
    }

    /** The alignment of tensor data in bytes: {@code general.alignment}, by default 32. */
    public int alignment() {
        return alignment;
    }

    @Override
    public String toString() {
        return "GgufModel[" + name() + ", " + architecture + ", " + fileType() + ", "
                + fileSizeBytes + " bytes]";
    }

    private List<Object> arrayValues(String key) {
        Object value = metadata.get(key);
        return value instanceof GgufArray array ? array.values() : List.of();
    }

    private long defaultHeadSize() {
        long heads = headCount();
        return heads > 0 ? embeddingLength() / heads : 0;
    }

    /**
     * Reads {@code <arch>.<suffix>} as a non-negative integer; a per-layer array counts as
     * its largest element. 0 when absent or not a count.
     */
    private long archInteger(String suffix) {
        Object value = metadata.get(architecture + "." + suffix);
        if (value instanceof GgufArray) {
            return ((GgufArray) value).values().stream()
                    .filter(Long.class::isInstance)
                    .mapToLong(Long.class::cast)
                    .max()
                    .orElse(0);
        }
        return value instanceof Long ? Math.max(0, (Long) value) : 0;
    }
}
