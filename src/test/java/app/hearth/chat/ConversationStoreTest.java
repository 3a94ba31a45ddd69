package app.hearth.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationStoreTest {

    @TempDir
    Path folder;

    @Test
    void reloadsExactlyWhatItSaved() throws IOException {
        ConversationStore store = new ConversationStore(folder);
        Conversation saved = Conversations.sample("c1", "Why is the sky blue? ☀ 空");

        store.save(saved);
        ConversationStore.LoadResult result = new ConversationStore(folder).loadAll();

        assertEquals(List.of(saved), result.conversations());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void listsTheNewestFirstAsTheSidebarAddsThemWhateverChangedLast() throws IOException {
        ConversationStore store = new ConversationStore(folder);
        Conversation first = Conversations.sample("first", "one");
        Conversation second = new Conversation(Conversation.SCHEMA, "second", "Second", null,
                "", first.sampling(), List.of(), 5_000, 5_000);
        store.save(first.withTitle("Renamed late", 9_000));
        store.save(second);

        List<Conversation> loaded = store.loadAll().conversations();

        assertEquals(List.of("second", "first"), loaded.stream().map(Conversation::id)
                .toList());
    }

    @Test
    void aFileWithoutAMessagesListIsSetAsideNotTakenForABlank() throws IOException {
        ConversationStore store = new ConversationStore(folder);
        Files.writeString(folder.resolve("nulled.json"),
                "{\"schema\":1,\"id\":\"nulled\",\"messages\":null}");
        Files.writeString(folder.resolve("old.json"), "{\"id\":\"old\",\"messages\":[]}");

        ConversationStore.LoadResult result = store.loadAll();

        assertEquals(List.of(), result.conversations());
        assertEquals(2, result.problems().size());
        assertTrue(Files.exists(folder.resolve("nulled.json.damaged")));
        assertTrue(Files.exists(folder.resolve("old.json.damaged")));
    }

    @Test
    void aFileFromANewerHearthIsLeftAsItIs() throws IOException {
        ConversationStore store = new ConversationStore(folder);
        String newer = "{\"schema\":2,\"id\":\"future\",\"turns\":[]}";
        Files.writeString(folder.resolve("future.json"), newer);

        ConversationStore.LoadResult result = store.loadAll();

        assertEquals(List.of(), result.conversations());
        assertTrue(result.problems().get(0).contains("newer Hearth"), result.problems().get(0));
        assertEquals(newer, Files.readString(folder.resolve("future.json")));
    }

    @Test
    void listsTheMostRecentlyChangedFirstAmongThoseStartedTogether() throws IOException {
        ConversationStore store = new ConversationStore(folder);
        Conversation older = Conversations.sample("old", "first");
        Conversation newer = Conversations.sample("new", "second").withTitle("Later", 9_000);
        store.save(older);
        store.save(newer);

        List<Conversation> loaded = store.loadAll().conversations();

        assertEquals(List.of("new", "old"), loaded.stream().map(Conversation::id).toList());
    }

    @Test
    void setsADamagedFileAsideAndLoadsTheOthers() throws IOException {
        ConversationStore store = new ConversationStore(folder);
        store.save(Conversations.sample("good", "hello"));
        Files.writeString(folder.resolve("broken.json"), "{\"id\": \"broken\", \"messa");

        ConversationStore.LoadResult result = store.loadAll();

        assertEquals(List.of("good"), result.conversations().stream()
                .map(Conversation::id).toList());
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).contains("broken.json.damaged"),
                result.problems().get(0));
        assertTrue(Files.exists(folder.resolve("broken.json.damaged")));
        assertTrue(Files.notExists(folder.resolve("broken.json")));
    }

    @Test
    void setsAsideAFileWhoseFieldsAreInvalid() throws IOException {
        ConversationStore store = new ConversationStore(folder);
        Files.writeString(folder.resolve("a.json"), "{\"id\": \"../escape\"}");
        Files.writeString(folder.resolve("b.json"), "[1, 2]");
        Files.write(folder.resolve("c.json"), new byte[] {(byte) 0xC3, 0x28});

        ConversationStore.LoadResult result = store.loadAll();

        assertEquals(List.of(), result.conversations());
        assertEquals(3, result.problems().size(), result.problems().toString());
    }

    @Test
    void keepsTheOldFileWhenTheDiskRefusesASave() throws IOException {
        Conversation old = Conversations.sample("c1", "old question");
        new ConversationStore(folder).save(old);
        ConversationStore full = new ConversationStore(folder, step -> {
            if (step == AtomicFile.Step.WRITTEN) {
                throw new IOException("No space left on device");
            }
        });

        IOException failure = assertThrows(IOException.class,
                () -> full.save(Conversations.sample("c1", "new question")));

        assertEquals("No space left on device", failure.getMessage());
        assertEquals(List.of(old), new ConversationStore(folder).loadAll().conversations());
        assertEquals(List.of("c1.json"), fileNames());
    }

    @Test
    void reportsASaveIntoAFolderItCannotCreate() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");
        ConversationStore store = new ConversationStore(notAFolder.resolve("conversations"));

        assertThrows(IOException.class, () -> store.save(Conversations.sample("c1", "q")));
    }

    @Test
    void removesTemporaryFilesACrashLeftBehind() throws IOException {
        ConversationStore store = new ConversationStore(folder);
        store.save(Conversations.sample("c1", "q"));
        Files.writeString(folder.resolve(AtomicFile.TEMP_PREFIX + "123.tmp"), "{\"id\":");

        ConversationStore.LoadResult result = store.loadAll();

        assertEquals(1, result.conversations().size());
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("c1.json"), fileNames());
    }

    @Test
    void deletesAConversation() throws IOException {
        ConversationStore store = new ConversationStore(folder);
        store.save(Conversations.sample("c1", "q"));

        store.delete("c1");

        assertEquals(List.of(), store.loadAll().conversations());
    }

    @Test
    void readsAFileWithOnlyTheFieldsEveryVersionWrote() throws IOException {
        Files.writeString(folder.resolve("c9.json"),
                "{\"schema\": 1, \"id\": \"c9\", \"messages\": []}", StandardCharsets.UTF_8);

        Conversation loaded = new ConversationStore(folder).loadAll().conversations().get(0);

        assertEquals(Conversation.UNTITLED, loaded.title());
        assertEquals(List.of(), loaded.messages());
        assertEquals("", loaded.systemPrompt());
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
