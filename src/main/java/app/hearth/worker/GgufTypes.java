package app.hearth.worker;

/** Sizes of GGUF's metadata value types and ggml's tensor types, as ModelFileCheck needs. */
final class GgufTypes {

    static final int UINT32 = 4;
    static final int STRING = 8;
    static final int ARRAY = 9;

    /** Bytes of each metadata value type by its number; 0 for strings and arrays. */
    private static final int[] VALUE_WIDTHS = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};

    /**
     * Bytes per block and elements per block of ggml's tensor types by their number, from
     * ggml's type table; {0, 0} marks numbers that are retired or unknown here.
     */
    private static final int[][] TENSOR_BLOCKS = {
        {4, 1}, {2, 1}, {18, 32}, {20, 32}, {0, 0}, {0, 0}, {22, 32}, {24, 32},
        {34, 32}, {36, 32}, {84, 256}, {110, 256}, {144, 256}, {176, 256}, {210, 256},
        {292, 256}, {66, 256}, {74, 256}, {98, 256}, {50, 256}, {18, 32}, {110, 256},
        {82, 256}, {136, 256}, {1, 1}, {2, 1}, {4, 1}, {8, 1}, {8, 1}, {56, 256}, {2, 1},
        {0, 0}, {0, 0}, {0, 0}, {54, 256}, {66, 256},
    };

    private GgufTypes() {
    }

    /** Bytes of a fixed-size metadata value, or 0 for strings and arrays, -1 if unknown. */
    static int valueWidth(int type) {
        return type >= 0 && type < VALUE_WIDTHS.length ? VALUE_WIDTHS[type] : -1;
    }

    /** Bytes a tensor of this type and element count takes, or -1 if the type is unknown. */
    static long tensorBytes(int type, long elements) {
        if (type < 0 || type >= TENSOR_BLOCKS.length || TENSOR_BLOCKS[type][1] == 0) {
            return -1;
        }
        int[] block = TENSOR_BLOCKS[type];
        long blocks = (elements + block[1] - 1) / block[1];
        return blocks > Long.MAX_VALUE / block[0] ? Long.MAX_VALUE : blocks * block[0];
    }
}
