package app.hearth.chat.template;

/** Counts, or estimates from above, the tokens a text takes in one model's vocabulary. */
@FunctionalInterface
public interface TokenCounter {

    /** @return tokens of {@code text}, never less than the model's tokenizer would make */
    int count(String text);
}
