package app.hearth.chat;

import app.hearth.protocol.Sampling;

import java.util.ArrayList;
import java.util.List;

/**
 * A conversation as it is saved: its own model, system prompt, sampling settings and
 * messages. Immutable; every change makes a copy. Safe on any thread.
 *
 * @param schema       the file format's version, {@link #SCHEMA}
 * @param id           names the file; letters, digits and dashes only
 * @param title        shown in the sidebar; never null
 * @param model        absolute path of the model chosen for it; null until one is chosen
 * @param systemPrompt the system prompt; empty for none, never null
 * @param sampling     sampling settings of new replies; never null
 * @param messages     the messages in order; never null
 * @param createdAtMs  epoch milliseconds
 * @param updatedAtMs  epoch milliseconds of the last change
 */
public record Conversation(
        int schema, String id, String title, String model, String systemPrompt,
        Sampling sampling, List<Message> messages, long createdAtMs, long updatedAtMs) {

    /** The file format this code writes. */
    public static final int SCHEMA = 1;

    /** The title of a conversation that has no messages yet. */
    public static final String UNTITLED = "New conversation";

    private static final int TITLE_LENGTH = 48;

    public Conversation {
        if (id == null || !id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("bad conversation id: " + id);
        }
        title = title == null || title.isBlank() ? UNTITLED : title;
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        sampling = sampling == null ? Sampling.DEFAULT : sampling;
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** A new, empty conversation. */
    public static Conversation start(String id, String model, String systemPrompt,
            Sampling sampling, long nowMs) {
        return new Conversation(SCHEMA, id, UNTITLED, model, systemPrompt, sampling, List.of(),
                nowMs, nowMs);
    }

    public Conversation withTitle(String newTitle, long nowMs) {
        return new Conversation(schema, id, newTitle, model, systemPrompt, sampling, messages,
                createdAtMs, nowMs);
    }

    public Conversation withModel(String newModel, long nowMs) {
        return new Conversation(schema, id, title, newModel, systemPrompt, sampling, messages,
                createdAtMs, nowMs);
    }

    public Conversation withSystemPrompt(String prompt, long nowMs) {
        return new Conversation(schema, id, title, model, prompt, sampling, messages,
                createdAtMs, nowMs);
    }

    public Conversation withSampling(Sampling newSampling, long nowMs) {
        return new Conversation(schema, id, title, model, systemPrompt, newSampling, messages,
                createdAtMs, nowMs);
    }

    /**
     * A copy with other messages. An untitled conversation takes its title from the first
     * user message.
     */
    public Conversation withMessages(List<Message> newMessages, long nowMs) {
        String newTitle = UNTITLED.equals(title) ? titleFrom(newMessages) : title;
        return new Conversation(schema, id, newTitle, model, systemPrompt, sampling,
                newMessages, createdAtMs, nowMs);
    }

    /** A copy with one more message at the end. */
    public Conversation append(Message message, long nowMs) {
        List<Message> longer = new ArrayList<>(messages);
        longer.add(message);
        return withMessages(longer, nowMs);
    }

    /** A copy with the message of the same id replaced. */
    public Conversation replace(Message message, long nowMs) {
        List<Message> changed = new ArrayList<>(messages);
        for (int i = 0; i < changed.size(); i++) {
            if (changed.get(i).id().equals(message.id())) {
                changed.set(i, message);
            }
        }
        return withMessages(changed, nowMs);
    }

    /** A copy with the messages from {@code index} on removed. */
    public Conversation truncate(int index, long nowMs) {
        return withMessages(messages.subList(0, Math.min(index, messages.size())), nowMs);
    }

    private static String titleFrom(List<Message> messages) {
        return messages.stream()
                .filter(message -> message.role() == Role.USER && !message.text().isBlank())
                .map(message -> shorten(message.text().strip().replaceAll("\\s+", " ")))
                .findFirst()
                .orElse(UNTITLED);
    }

    private static String shorten(String text) {
        return text.length() <= TITLE_LENGTH ? text : text.substring(0, TITLE_LENGTH - 1) + "…";
    }
}
