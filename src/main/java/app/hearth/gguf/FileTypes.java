package app.hearth.gguf;

/** Names llama.cpp's {@code general.file_type} numbers (its {@code llama_ftype}). */
final class FileTypes {

    private static final String[] LABELS = {
        "F32", "F16", "Q4_0", "Q4_1", "Q4_1_SOME_F16", null, null, "Q8_0", "Q5_0", "Q5_1",
        "Q2_K", "Q3_K_S", "Q3_K_M", "Q3_K_L", "Q4_K_S", "Q4_K_M", "Q5_K_S", "Q5_K_M", "Q6_K",
        "IQ2_XXS", "IQ2_XS", "Q2_K_S", "IQ3_XS", "IQ3_XXS", "IQ1_S", "IQ4_NL", "IQ3_S", "IQ3_M",
        "IQ2_S", "IQ2_M", "IQ4_XS", "IQ1_M", "BF16", "Q4_0_4_4", "Q4_0_4_8", "Q4_0_8_8",
        "TQ1_0", "TQ2_0"};

    /** llama.cpp marks file types it guessed instead of reading them with this bit. */
    private static final long GUESSED = 1024;

    private FileTypes() {
    }

    /** Returns the label of a file type number, or {@code null} for a number llama.cpp lacks. */
    static String label(long fileType) {
        long plain = fileType >= GUESSED ? fileType - GUESSED : fileType;
        if (plain < 0 || plain >= LABELS.length) {
            return null;
        }
        return LABELS[(int) plain];
    }
}
