package app.hearth.ui.chat;

import java.util.List;

/**
 * The prompt for a model without a chat template: the conversation as one running text that
 * the model continues. A story model given "Once upon a time" tells the story on.
 */
final class ContinuationPrompt {

    private ContinuationPrompt() {
    }

    static String of(List<ChatMessage> history, String newText) {
        StringBuilder prompt = new StringBuilder();
        for (ChatMessage message : history) {
            appendTurn(prompt, message.getRole(), message.getText());
        }
        appendTurn(prompt, ChatMessage.Role.USER, newText);
        return prompt.toString();
    }

    private static void appendTurn(StringBuilder prompt, ChatMessage.Role role, String text) {
        if (prompt.length() > 0 && role == ChatMessage.Role.USER) {
            prompt.append("\n\n");
        }
        prompt.append(text);
    }
}
