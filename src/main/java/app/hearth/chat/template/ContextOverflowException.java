package app.hearth.chat.template;

/** The newest message alone does not fit in the model's context. */
public final class ContextOverflowException extends Exception {

    private final int messageTokens;
    private final int budgetTokens;

    /**
     * @param messageTokens what the smallest possible prompt takes, by the counter used
     * @param budgetTokens  what the context leaves for the prompt
     */
    public ContextOverflowException(int messageTokens, int budgetTokens) {
        super("This message is too long for the model's context: it needs about "
                + messageTokens + " tokens and the context leaves " + budgetTokens
                + " for the prompt. Shorten it, or choose a larger context in Settings.");
        this.messageTokens = messageTokens;
        this.budgetTokens = budgetTokens;
    }

    public int messageTokens() {
        return messageTokens;
    }

    public int budgetTokens() {
        return budgetTokens;
    }
}
