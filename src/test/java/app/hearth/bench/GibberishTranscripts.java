package app.hearth.bench;

import app.hearth.chat.Conversation;
import app.hearth.chat.ConversationStore;
import app.hearth.chat.Message;
import app.hearth.chat.MessageStatus;
import app.hearth.chat.ModelRef;
import app.hearth.chat.ReplyStats;
import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;
import app.hearth.workerclient.GenerationListener;
import app.hearth.workerclient.WorkerError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Conversations as a person gets them from a model: replies written by a real model through
 * the real worker, sampled with a fixed seed. From llama-2-tiny-random (random weights, Llama
 * 2's 32,000-token vocabulary) they are the mixed-script gibberish of the new-user trial:
 * Latin, Cyrillic, CJK, Thai and Devanagari fragments and long glued words; from stories260K
 * plain English stories.
 *
 * <p>{@link #main} writes such conversations into a data folder, to open them in the real
 * window: {@code java -cp <test class path> app.hearth.bench.GibberishTranscripts DIR}.
 */
final class GibberishTranscripts {

    /** How the replies are sampled: varied text, the same for the same seed. */
    private static final Sampling SAMPLING = Sampling.DEFAULT.withTemperature(1.0f);

    private final WorkerClient worker;

    GibberishTranscripts(WorkerClient worker) {
        this.worker = worker;
    }

    /**
     * A conversation of {@code turns} prompts, each answered by {@code model} in up to
     * {@code tokens} tokens, seeds 1, 2, … so that every run writes the same text.
     */
    Conversation write(String id, Path model, int turns, int tokens) throws Exception {
        ModelRef ref = new ModelRef(model.getFileName().toString(), model.toString(), null,
                null, null);
        Conversation conversation = Conversation.start(id, model.toString(), "", SAMPLING, 0)
                .withTitle(id, 0);
        for (int turn = 1; turn <= turns; turn++) {
            String prompt = "Tell me story number " + turn + ", please.";
            String reply = reply(model, prompt, SAMPLING.withMaxTokens(tokens).withSeed(turn));
            conversation = conversation
                    .append(Message.user(id + "-u" + turn, prompt, turn), turn)
                    .append(Message.reply(id + "-a" + turn, turn, ref, SAMPLING, "")
                            .finished(MessageStatus.COMPLETE, reply,
                                    new ReplyStats(10, tokens, 10, 500, 0, "length")), turn);
        }
        return conversation;
    }

    /** The characters of all messages. */
    static int length(Conversation conversation) {
        return conversation.messages().stream().mapToInt(message -> message.text().length())
                .sum();
    }

    private String reply(Path model, String prompt, Sampling sampling) throws Exception {
        StringBuilder text = new StringBuilder();
        CompletableFuture<String> done = new CompletableFuture<>();
        worker.service().generate(model.toString(), prompt, sampling, ModelOptions.DEFAULT,
                List.of(), new GenerationListener() {
                    @Override
                    public void onToken(String token) {
                        text.append(token);
                    }

                    @Override
                    public void onDone(DoneEvent event) {
                        done.complete(text.toString());
                    }

                    @Override
                    public void onError(WorkerError error) {
                        done.completeExceptionally(new IllegalStateException(error.toString()));
                    }
                });
        return done.get(WorkerClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Writes a short, a long and a plain conversation into {@code args[0]}'s store. */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        ConversationStore store = new ConversationStore(data.resolve("conversations"));
        List<Conversation> written = new ArrayList<>();
        try (WorkerClient client = new WorkerClient()) {
            GibberishTranscripts transcripts = new GibberishTranscripts(client);
            Path tiny = BenchModels.sharedFolder().resolve("llama-2-tiny-random.gguf");
            Path stories = BenchModels.sharedFolder().resolve("stories260K.gguf");
            written.add(transcripts.write("plain-stories", stories, 3, 400));
            written.add(transcripts.write("mixed-long", tiny, 12, 300));
            written.add(transcripts.write("mixed-short", tiny, 3, 300));
        }
        for (Conversation conversation : written) {
            store.save(conversation);
            System.out.printf("%s: %,d chars%n", conversation.id(), length(conversation));
        }
        store.rememberOpen(written.get(written.size() - 1).id());
        System.exit(0);
    }
}
