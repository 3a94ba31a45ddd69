package app.hearth.ui.chat;

import app.hearth.chat.template.ContextOverflowException;
import app.hearth.chat.template.ContextTrimmer;
import app.hearth.chat.template.PromptFamily;
import app.hearth.chat.template.RenderedPrompt;
import app.hearth.chat.template.SpecialTokenGuard;
import app.hearth.chat.template.TokenCounter;
import app.hearth.chat.template.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * The prompt for the next reply, built from the transcript, and which messages it leaves out.
 *
 * @param prompt    what the worker gets
 * @param firstKept index in the transcript of the first message the prompt holds
 * @param tokens    the prompt's size by the counter it was built with
 */
record ReplyPrompt(RenderedPrompt prompt, int firstKept, int tokens) {

    /**
     * @param history    the transcript up to and including the user message to answer
     * @param replyStart the reply so far, which the prompt ends with for the model to go on
     *                   with; empty for a new reply
     * @param guard      breaks the model's special-token spellings in the messages
     * @param budget     tokens the prompt may take
     */
    static ReplyPrompt build(List<ChatMessage> history, String replyStart, String system,
            PromptFamily family, SpecialTokenGuard guard, TokenCounter counter, int budget)
            throws ContextOverflowException {
        List<Turn> turns = new ArrayList<>();
        List<Integer> indexOfTurn = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            ChatMessage message = history.get(i);
            boolean user = message.getRole() == ChatMessage.Role.USER;
            if (!user && message.getText().isBlank()) {
                continue;
            }
            turns.add(user ? Turn.user(message.getText()) : Turn.assistant(message.getText()));
            indexOfTurn.add(i);
        }
        ContextTrimmer.Fitted fitted = ContextTrimmer.fit(family, system, turns, replyStart,
                guard, counter, budget);
        int firstKept = fitted.leftOut() == 0 ? 0 : indexOfTurn.get(fitted.leftOut());
        return new ReplyPrompt(fitted.prompt(), firstKept, fitted.tokens());
    }
}
