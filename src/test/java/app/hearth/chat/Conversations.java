package app.hearth.chat;

import app.hearth.protocol.Sampling;

/** Small conversations for tests. */
final class Conversations {

    private Conversations() {
    }

    /** A conversation with one exchange and a finished reply. */
    static Conversation sample(String id, String question) {
        Conversation start = Conversation.start(id, "/models/m.gguf", "Be brief.",
                Sampling.greedy(16), 1_000);
        ModelRef model = new ModelRef("m.gguf", "/models/m.gguf", null, "F32", "CHATML");
        Message reply = Message.reply("a1", 2_000, model, start.sampling(), "Be brief.")
                .finished(MessageStatus.COMPLETE, "An answer to " + question,
                        new ReplyStats(12, 5, 40.5, 120.0, 0, "end"));
        return start.append(Message.user("u1", question, 1_500), 1_500).append(reply, 2_000);
    }
}
