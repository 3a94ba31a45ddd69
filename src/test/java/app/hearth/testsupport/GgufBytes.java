package app.hearth.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Little-endian GGUF building blocks in memory: scalars, strings and typed key/value pairs.
 * Also used directly by tests that craft hostile headers byte by byte.
 */
public final class GgufBytes {

    /** GGUF value type numbers. */
    public static final int UINT8 = 0;
    public static final int INT32 = 5;
    public static final int UINT32 = 4;
    public static final int FLOAT32 = 6;
    public static final int BOOL = 7;
    public static final int STRING = 8;
    public static final int ARRAY = 9;
    public static final int UINT64 = 10;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Starts a header: magic, version, tensor count and key count. */
    public static GgufBytes header(int version, long tensorCount, long keyCount) {
        GgufBytes bytes = new GgufBytes();
        bytes.raw("GGUF".getBytes(StandardCharsets.US_ASCII));
        return bytes.u32(version).u64(tensorCount).u64(keyCount);
    }

    public GgufBytes u8(int value) {
        out.write(value);
        return this;
    }

    public GgufBytes u32(long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    public GgufBytes u64(long value) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    public GgufBytes f32(float value) {
        return u32(Float.floatToRawIntBits(value));
    }

    public GgufBytes string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        u64(utf8.length);
        return raw(utf8);
    }

    public GgufBytes raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    public GgufBytes kvString(String key, String value) {
        return string(key).u32(STRING).string(value);
    }

    public GgufBytes kvU32(String key, long value) {
        return string(key).u32(UINT32).u32(value);
    }

    public GgufBytes kvF32(String key, float value) {
        return string(key).u32(FLOAT32).f32(value);
    }

    public GgufBytes kvStrings(String key, List<String> values) {
        string(key).u32(ARRAY).u32(STRING).u64(values.size());
        values.forEach(this::string);
        return this;
    }

    public GgufBytes kvFloats(String key, float[] values) {
        string(key).u32(ARRAY).u32(FLOAT32).u64(values.length);
        for (float value : values) {
            f32(value);
        }
        return this;
    }

    public GgufBytes kvInts(String key, int[] values) {
        string(key).u32(ARRAY).u32(INT32).u64(values.length);
        for (int value : values) {
            u32(value);
        }
        return this;
    }

    /**
     * Writes a key with a value chosen by its Java type: String, Integer (uint32), Long
     * (uint64), Float (float32), Boolean, a List of Strings or an int[] (int32 array).
     */
    public GgufBytes kv(String key, Object value) {
        if (value instanceof List<?> list) {
            return kvStrings(key, list.stream().map(String.class::cast).toList());
        } else if (value instanceof int[] ints) {
            return kvInts(key, ints);
        } else if (value instanceof String) {
            return kvString(key, (String) value);
        } else if (value instanceof Integer) {
            return kvU32(key, (Integer) value);
        } else if (value instanceof Long) {
            return string(key).u32(UINT64).u64((Long) value);
        } else if (value instanceof Float) {
            return kvF32(key, (Float) value);
        } else if (value instanceof Boolean) {
            return string(key).u32(BOOL).u8((Boolean) value ? 1 : 0);
        }
        throw new IllegalArgumentException("No GGUF type for " + value.getClass());
    }

    /** Pads with zeros to a multiple of {@code alignment}. */
    public GgufBytes align(int alignment) {
        while (out.size() % alignment != 0) {
            out.write(0);
        }
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
