package app.hearth.chat;

import app.hearth.protocol.Sampling;

/**
 * One message of a conversation. Immutable; safe on any thread.
 *
 * @param id          unique within its conversation; never null
 * @param role        who wrote it; never null
 * @param text        the text as written or generated; never null
 * @param createdAtMs when it was written or the reply started, in epoch milliseconds
 * @param status      how it ended; never null
 * @param model       the model that wrote a reply; null for user messages
 * @param sampling    the settings a reply was generated with; null for user messages
 * @param systemPrompt the system prompt in force for a reply; null for user messages
 * @param stats       the worker's measurements of a reply; null if none arrived
 */
public record Message(
        String id, Role role, String text, long createdAtMs, MessageStatus status,
        ModelRef model, Sampling sampling, String systemPrompt, ReplyStats stats) {

    public Message {
        if (id == null || role == null || status == null) {
            throw new IllegalArgumentException("a message needs an id, a role and a status");
        }
        text = text == null ? "" : text;
    }

    /** A complete user message. */
    public static Message user(String id, String text, long nowMs) {
        return new Message(id, Role.USER, text, nowMs, MessageStatus.COMPLETE, null, null, null,
                null);
    }

    /** A reply that has just started streaming. */
    public static Message reply(String id, long nowMs, ModelRef model, Sampling sampling,
            String systemPrompt) {
        return new Message(id, Role.ASSISTANT, "", nowMs, MessageStatus.STREAMING, model,
                sampling, systemPrompt, null);
    }

    /** A copy with other text. */
    public Message withText(String newText) {
        return new Message(id, role, newText, createdAtMs, status, model, sampling, systemPrompt,
                stats);
    }

    /** A copy that has ended. */
    public Message finished(MessageStatus how, String finalText, ReplyStats measured) {
        return new Message(id, role, finalText, createdAtMs, how, model, sampling, systemPrompt,
                measured);
    }

    /** Whether it belongs in a prompt: user messages, and replies with some text. */
    public boolean countsInPrompt() {
        return role == Role.USER || !text.isBlank();
    }
}
