package app.hearth.testsupport;

import app.hearth.gguf.GgufException;
import app.hearth.gguf.GgufModel;
import app.hearth.gguf.GgufReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies of stories260K whose vocabulary spells a chat format's markers as control tokens, as
 * the real models of that format do: the engine then reads those spellings in a prompt as one
 * token each. The last tokens of the vocabulary, rare word pieces, give up their place.
 */
public final class ControlTokenModels {

    /** llama.cpp's {@code LLAMA_TOKEN_TYPE_CONTROL}. */
    private static final int CONTROL = 3;

    private ControlTokenModels() {
    }

    /** stories260K with {@code <|im_start|>} and {@code <|im_end|>} and a ChatML template. */
    public static Path chatMl(Path folder) throws IOException, GgufException {
        return withControlTokens(folder.resolve("stories260K-chatml-tokens.gguf"),
                ChatTemplates.CHATML, List.of("<|im_start|>", "<|im_end|>"));
    }

    /** stories260K with {@code markers} as its last tokens, of the control type. */
    public static Path withControlTokens(Path target, String template, List<String> markers)
            throws IOException, GgufException {
        GgufModel stories = GgufReader.readWithVocabulary(SharedModels.stories());
        List<String> tokens = new ArrayList<>(strings(stories, "tokenizer.ggml.tokens"));
        int[] types = ints(stories, "tokenizer.ggml.token_type");
        for (int i = 0; i < markers.size(); i++) {
            int id = tokens.size() - markers.size() + i;
            tokens.set(id, markers.get(i));
            types[id] = CONTROL;
        }
        return GgufRewriter.copy(SharedModels.stories(), target, Map.of(
                "tokenizer.ggml.tokens", tokens, "tokenizer.ggml.token_type", types,
                "tokenizer.chat_template", template), Set.of());
    }

    private static List<String> strings(GgufModel model, String key) {
        return model.value(key).map(app.hearth.gguf.GgufArray.class::cast).orElseThrow()
                .values().stream().map(String.class::cast).toList();
    }

    private static int[] ints(GgufModel model, String key) {
        return model.value(key).map(app.hearth.gguf.GgufArray.class::cast).orElseThrow()
                .values().stream().mapToInt(value -> ((Long) value).intValue()).toArray();
    }
}
