package app.hearth.chat;

/** Who wrote a message. The system prompt is a setting of the conversation, not a message. */
public enum Role {
    USER,
    ASSISTANT
}
