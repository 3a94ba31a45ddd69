package app.hearth.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small SentencePiece-style vocabulary with byte fallback, so that any text tokenizes:
 * three control tokens, the 256 byte tokens, then word pieces.
 */
final class Vocabulary {

    private static final int TYPE_NORMAL = 1;
    private static final int TYPE_UNKNOWN = 2;
    private static final int TYPE_CONTROL = 3;
    private static final int TYPE_BYTE = 6;
    private static final String SPACE = "\u2581";

    private final List<String> tokens;
    private final int[] types;

    private Vocabulary(List<String> tokens, int[] types) {
        this.tokens = tokens;
        this.types = types;
    }

    static Vocabulary synthetic(int size) {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
        }
        Set<String> pieces = new LinkedHashSet<>();
        pieces.add(SPACE);
        for (char c = 'a'; c <= 'z'; c++) {
            pieces.add(String.valueOf(c));
            pieces.add(SPACE + c);
        }
        for (char c = '!'; c <= '~'; c++) {
            pieces.add(String.valueOf(c));
        }
        for (char first = 'a'; first <= 'z' && pieces.size() < size; first++) {
            for (char second = 'a'; second <= 'z'; second++) {
                pieces.add(SPACE + first + second);
                pieces.add("" + first + second);
            }
        }
        for (String piece : pieces) {
            if (tokens.size() == size) {
                break;
            }
            tokens.add(piece);
        }
        if (tokens.size() < size) {
            throw new IllegalArgumentException("at most " + tokens.size() + " tokens");
        }
        int[] types = new int[size];
        for (int i = 0; i < size; i++) {
            types[i] = i == 0 ? TYPE_UNKNOWN : i < 3 ? TYPE_CONTROL : i < 259 ? TYPE_BYTE
                    : TYPE_NORMAL;
        }
        return new Vocabulary(tokens, types);
    }

    /** Appends the four tokenizer list keys and the three special token ids. */
    void appendTo(GgufBytes bytes) {
        float[] scores = new float[tokens.size()];
        for (int i = 259; i < scores.length; i++) {
            // Longer pieces score higher, so the tokenizer prefers them over single letters.
            scores[i] = tokens.get(i).length() - i * 1e-4f;
        }
        bytes.kvStrings("tokenizer.ggml.tokens", tokens)
                .kvFloats("tokenizer.ggml.scores", scores)
                .kvInts("tokenizer.ggml.token_type", types)
                .kvU32("tokenizer.ggml.bos_token_id", 1)
                .kvU32("tokenizer.ggml.eos_token_id", 2)
                .kvU32("tokenizer.ggml.unknown_token_id", 0);
    }
}
