package app.hearth.chat.template;

import app.hearth.chat.Role;

/**
 * One turn of a prompt.
 *
 * @param role who speaks; never null
 * @param text what they said; never null
 */
public record Turn(Role role, String text) {

    public Turn {
        if (role == null || text == null) {
            throw new IllegalArgumentException("a turn needs a role and a text");
        }
    }

    public static Turn user(String text) {
        return new Turn(Role.USER, text);
    }

    public static Turn assistant(String text) {
        return new Turn(Role.ASSISTANT, text);
    }
}
