package app.hearth.chat;

import app.hearth.testsupport.SharedModels;
import com.google.gson.Gson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationExportTest {

    @TempDir
    Path folder;

    @Test
    void writesMarkdownWithHowEachReplyWasMade() {
        Conversation conversation = ConversationExport.withHashes(
                Conversations.sample("c1", "Why?"), Map.of("/models/m.gguf", "ab12"));

        String markdown = ConversationExport.markdown(conversation);

        assertTrue(markdown.startsWith("# Why?\n\nSystem prompt:\n\n> Be brief.\n\n"
                + "## You\n\nWhy?\n\n## m.gguf\n\nAn answer to Why?\n\n"), markdown);
        assertTrue(markdown.contains("- sha256: ab12\n"), markdown);
        assertTrue(markdown.contains("- quantization: F32\n"), markdown);
        assertTrue(markdown.contains("- prompt format: CHATML\n"), markdown);
        assertTrue(markdown.contains("temperature 0.0, top-p 1.0, top-k 1, min-p 0.0, "
                + "repeat penalty 1.0, max tokens 16, seed 0"), markdown);
        assertTrue(markdown.contains("12 prompt, 5 generated; 120.0 tokens/s; "
                + "first token after 41 ms"), markdown);
    }

    @Test
    void writesJsonThatReadsBackWithTheModelsHash() throws IOException {
        Path model = SharedModels.stories();
        ModelRef ref = new ModelRef(model.getFileName().toString(), model.toString(), null,
                "F32", "CONTINUATION");
        Conversation conversation = Conversations.sample("c1", "q").append(
                Message.reply("a2", 3_000, ref, null, null)
                        .finished(MessageStatus.STOPPED, "text", null), 3_000);
        Path target = folder.resolve("out.json");

        ConversationExport.write(conversation, ConversationExport.Format.JSON, target);

        Conversation read = new Gson().fromJson(Files.readString(target), Conversation.class);
        List<Message> messages = read.messages();
        assertEquals("270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d",
                messages.get(2).model().sha256());
        assertEquals(conversation.messages().get(1), messages.get(1));
    }
}
