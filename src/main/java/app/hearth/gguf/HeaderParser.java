package app.hearth.gguf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the metadata and tensor index that follow the magic and version. Limits below are far
 * above any real model and far below what would hurt the app.
 */
final class HeaderParser {

    static final int DEFAULT_ALIGNMENT = 32;

    private static final long MAX_ENTRIES = 1L << 20;
    private static final long MAX_ARRAY_LENGTH = 1L << 32;
    private static final long MAX_KEY_BYTES = 64 * 1024;
    private static final long MAX_STRING_BYTES = 16L << 20;
    private static final long MAX_KEPT_BYTES = 64L << 20;
    /** Longer arrays are counted and skipped; a vocabulary only when asked for. */
    private static final int MAX_KEPT_ELEMENTS = 1024;
    /** The arrays a vocabulary read keeps whole: the token texts and their types. */
    static final Set<String> VOCABULARY_KEYS = Set.of("tokenizer.ggml.tokens",
            "tokenizer.ggml.token_type");
    /** Far above the largest vocabulary (262,144 tokens); a longer one is skipped. */
    private static final long MAX_VOCABULARY = 1L << 20;
    /** ggml's GGML_MAX_NAME, counting the terminating zero. */
    private static final int MAX_TENSOR_NAME = 63;
    private static final int MAX_DIMS = 4;

    private static final String[] TYPE_NAMES = {"UINT8", "INT8", "UINT16", "INT16", "UINT32",
        "INT32", "FLOAT32", "BOOL", "STRING", "ARRAY", "UINT64", "INT64", "FLOAT64"};
    private static final int TYPE_STRING = 8;
    private static final int TYPE_ARRAY = 9;
    private static final int[] TYPE_BYTES = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};

    private final GgufInput in;
    private final Messages messages;
    private final boolean keepVocabulary;
    private long keptBytes;

    /** What the parser found, ready for the layout checks. */
    record Header(Map<String, Object> metadata, List<GgufTensor> tensors, long dataOffset,
            int alignment) {
    }

    /** @param keepVocabulary whether to keep the {@link #VOCABULARY_KEYS} arrays whole */
    HeaderParser(GgufInput in, Messages messages, boolean keepVocabulary) {
        this.in = in;
        this.messages = messages;
        this.keepVocabulary = keepVocabulary;
    }

    /** Parses from just after the version field. */
    Header parse() throws GgufException {
        long tensorCount = in.count(MAX_ENTRIES, "tensors");
        long keyCount = in.count(MAX_ENTRIES, "metadata keys");
        Map<String, Object> metadata = readMetadata(keyCount);
        int alignment = alignment(metadata.get("general.alignment"));
        List<GgufTensor> tensors = readTensorIndex(tensorCount, alignment);
        long end = in.position();
        long dataOffset = end + (alignment - end % alignment) % alignment;
        return new Header(metadata, tensors, dataOffset, alignment);
    }

    private Map<String, Object> readMetadata(long count) throws GgufException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            String key = string(MAX_KEY_BYTES, "metadata key");
            int type = valueType();
            Object value = type == TYPE_ARRAY ? array(key) : scalar(type);
            if (metadata.put(key, value) != null) {
                throw messages.corrupt("has the metadata key " + key + " twice");
            }
        }
        return metadata;
    }

    private List<GgufTensor> readTensorIndex(long count, int alignment) throws GgufException {
        List<GgufTensor> tensors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (long i = 0; i < count; i++) {
            GgufTensor tensor = tensor(alignment);
            if (!names.add(tensor.name())) {
                throw messages.corrupt("lists the tensor " + tensor.name() + " twice");
            }
            tensors.add(tensor);
        }
        return tensors;
    }

    private GgufTensor tensor(int alignment) throws GgufException {
        String name = string(MAX_TENSOR_NAME, "tensor name");
        long dimCount = in.u32();
        if (dimCount < 1 || dimCount > MAX_DIMS) {
            throw messages.corrupt("gives tensor " + name + " " + dimCount + " dimensions");
        }
        List<Long> dims = new ArrayList<>();
        for (int d = 0; d < dimCount; d++) {
            dims.add(in.count(Long.MAX_VALUE, "elements in a dimension of " + name));
        }
        long typeId = in.u32();
        GgmlType type = GgmlType.byId(typeId);
        if (type == null) {
            throw messages.corrupt("gives tensor " + name + " the unknown type " + typeId);
        }
        long offset = in.count(Long.MAX_VALUE, "bytes as the offset of " + name);
        if (offset % alignment != 0) {
            throw messages.corrupt("puts tensor " + name + " at an unaligned offset");
        }
        return new GgufTensor(name, type, dims, offset, byteSize(name, type, dims));
    }

    private long byteSize(String name, GgmlType type, List<Long> dims) throws GgufException {
        if (dims.get(0) % type.blockSize() != 0) {
            throw messages.corrupt("gives tensor " + name + " rows that do not fill "
                    + type + " blocks");
        }
        try {
            long blocks = dims.get(0) / type.blockSize();
            for (int d = 1; d < dims.size(); d++) {
                blocks = Math.multiplyExact(blocks, dims.get(d));
            }
            // The element count must fit a long as well as the byte size.
            Math.multiplyExact(blocks, (long) type.blockSize());
            return Math.multiplyExact(blocks, (long) type.blockBytes());
        } catch (ArithmeticException ex) {
            throw messages.corrupt("gives tensor " + name + " more elements than fit a file");
        }
    }

    private int valueType() throws GgufException {
        long type = in.u32();
        if (type >= TYPE_NAMES.length) {
            throw messages.corrupt("uses the unknown value type " + type);
        }
        return (int) type;
    }

    private GgufArray array(String key) throws GgufException {
        int type = valueType();
        if (type == TYPE_ARRAY) {
            throw messages.corrupt("nests an array in an array, which llama.cpp cannot read");
        }
        long length = in.count(MAX_ARRAY_LENGTH, "elements in one array");
        boolean whole = keepVocabulary && VOCABULARY_KEYS.contains(key)
                && length <= MAX_VOCABULARY;
        if (length > MAX_KEPT_ELEMENTS && !whole) {
            skipElements(type, length);
            return new GgufArray(TYPE_NAMES[type], length, List.of());
        }
        List<Object> values = new ArrayList<>();
        for (long i = 0; i < length; i++) {
            values.add(scalar(type));
        }
        return new GgufArray(TYPE_NAMES[type], length, values);
    }

    private void skipElements(int type, long length) throws GgufException {
        if (type != TYPE_STRING) {
            long bytes = length * TYPE_BYTES[type];
            in.skip(bytes);
            return;
        }
        for (long i = 0; i < length; i++) {
            in.skip(in.count(MAX_STRING_BYTES, "bytes in one string"));
        }
    }

    private Object scalar(int type) throws GgufException {
        return switch (type) {
            case 0 -> (long) in.u8();
            case 1 -> (long) (byte) in.u8();
            case 2 -> (long) (in.i16() & 0xffff);
            case 3 -> (long) in.i16();
            case 4 -> in.u32();
            case 5 -> (long) in.i32();
            case 6 -> (double) Float.intBitsToFloat(in.i32());
            case 7 -> bool();
            case 8 -> string(MAX_STRING_BYTES, "string");
            // A uint64 above Long.MAX_VALUE stays negative; no model needs such values.
            case 10, 11 -> in.i64();
            case 12 -> Double.longBitsToDouble(in.i64());
            default -> throw new IllegalStateException("value type " + type);
        };
    }

    private Boolean bool() throws GgufException {
        int value = in.u8();
        if (value > 1) {
            throw messages.corrupt("holds " + value + " where a true or false belongs");
        }
        return value == 1;
    }

    private String string(long max, String what) throws GgufException {
        long length = in.count(max, "bytes in one " + what);
        keptBytes += length;
        if (keptBytes > MAX_KEPT_BYTES) {
            throw messages.corrupt("holds more than " + (MAX_KEPT_BYTES >> 20)
                    + " MB of metadata text");
        }
        return in.string(length);
    }

    private int alignment(Object value) throws GgufException {
        if (value == null) {
            return DEFAULT_ALIGNMENT;
        }
        if (!(value instanceof Long) || (Long) value <= 0 || (Long) value > (1 << 20)
                || Long.bitCount((Long) value) != 1) {
            throw messages.corrupt("sets general.alignment to " + value
                    + ", not a power of two");
        }
        return ((Long) value).intValue();
    }
}
