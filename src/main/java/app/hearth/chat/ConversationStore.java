package app.hearth.chat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Saves conversations as one JSON file each in a folder ({@code AppPaths.data()/conversations}
 * in the app). Saves are atomic (see {@link AtomicFile}); a file that does not parse is
 * renamed to {@code *.damaged} and reported while the others load.
 *
 * <p>Threading: every method reads or writes the disk and must not run on the JavaFX thread.
 * Calls for one conversation must not overlap; the app makes them on one background thread.
 */
public final class ConversationStore {

    /** Larger files are set aside: no conversation reaches this by typing. */
    static final long MAX_FILE_BYTES = 64L << 20;

    private static final String SUFFIX = ".json";
    private static final String DAMAGED = ".damaged";
    private static final String OPEN = "open.txt";

    private final Path folder;
    private final AtomicFile.Checkpoint checkpoint;
    private final Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .create();

    /**
     * What {@link #loadAll()} found.
     *
     * @param conversations the readable conversations, the most recently changed first
     * @param problems      one sentence for people per file set aside; empty if none
     */
    public record LoadResult(List<Conversation> conversations, List<String> problems) {
    }

    /** @param folder where the files live; created on the first save */
    public ConversationStore(Path folder) {
        this(folder, AtomicFile.Checkpoint.NONE);
    }

    ConversationStore(Path folder, AtomicFile.Checkpoint checkpoint) {
        this.folder = folder;
        this.checkpoint = checkpoint;
    }

    /** The folder the files live in. */
    public Path folder() {
        return folder;
    }

    /** Reads every conversation, setting damaged files aside. Never throws for one file. */
    public LoadResult loadAll() {
        List<Conversation> loaded = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new LoadResult(List.of(), List.of());
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(AtomicFile.TEMP_PREFIX)) {
                    Files.deleteIfExists(file);
                } else if (name.endsWith(SUFFIX)) {
                    load(file, loaded, problems);
                }
            }
        } catch (IOException e) {
            Logger.error(e, "Could not list the conversations in {}", folder);
            problems.add("Could not read the conversations folder " + folder + ": "
                    + e.getMessage());
        }
        // Newest first by creation, the order the sidebar adds them in while the app runs, so
        // the list looks the same after a restart.
        loaded.sort(Comparator.comparingLong(Conversation::createdAtMs)
                .thenComparingLong(Conversation::updatedAtMs).reversed()
                .thenComparing(Conversation::id));
        return new LoadResult(List.copyOf(loaded), List.copyOf(problems));
    }

    /**
     * Writes one conversation atomically: afterwards the file holds it, or, if this throws,
     * still holds what it held before.
     *
     * @throws IOException if the disk refused (read-only, full); nothing was changed then
     */
    public void save(Conversation conversation) throws IOException {
        Files.createDirectories(folder);
        byte[] json = gson.toJson(conversation).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(fileOf(conversation.id()), json, checkpoint);
    }

    /** Remembers which conversation is open, so the next start opens it again. */
    public void rememberOpen(String id) throws IOException {
        Files.createDirectories(folder);
        AtomicFile.write(folder.resolve(OPEN), fileOf(id).getFileName().toString()
                .getBytes(StandardCharsets.UTF_8), checkpoint);
    }

    /** The conversation that was open last, or null. */
    public String lastOpen() {
        try {
            String name = Files.readString(folder.resolve(OPEN), StandardCharsets.UTF_8).strip();
            return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length())
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Deletes a conversation's file; nothing happens if it does not exist. */
    public void delete(String id) throws IOException {
        Files.deleteIfExists(fileOf(id));
    }

    /** The conversation as JSON, as it is saved; for export. */
    public String toJson(Conversation conversation) {
        return gson.toJson(conversation);
    }

    private Path fileOf(String id) {
        if (!id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("bad conversation id: " + id);
        }
        return folder.resolve(id + SUFFIX);
    }

    private void load(Path file, List<Conversation> loaded, List<String> problems) {
        try {
            // A FIFO would block the load and a link to a device would never end.
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
                throw new IOException("not a conversation file of a sensible size");
            }
            String json = Files.readString(file, StandardCharsets.UTF_8);
            JsonElement tree = JsonParser.parseString(json);
            if (!tree.isJsonObject()) {
                throw new JsonParseException("the file holds no conversation");
            }
            JsonObject raw = tree.getAsJsonObject();
            int schema = schemaOf(raw);
            if (schema > Conversation.SCHEMA) {
                // Set aside, a newer Hearth could no longer read it: left exactly as it is.
                problems.add(file.getFileName() + " was saved by a newer Hearth and is left "
                        + "as it is.");
                return;
            }
            if (schema != Conversation.SCHEMA || !raw.has("messages")
                    || !raw.get("messages").isJsonArray()) {
                // Read as empty, such a file would pass for a blank conversation.
                throw new JsonParseException("the file is not a conversation of format "
                        + Conversation.SCHEMA);
            }
            Conversation conversation = gson.fromJson(raw, Conversation.class);
            if (!file.getFileName().toString().equals(conversation.id() + SUFFIX)) {
                throw new JsonParseException("the id does not match the file name");
            }
            loaded.add(conversation);
        } catch (IOException | RuntimeException e) {
            // Broad on purpose: gson wraps whatever the record's constructor throws for a
            // missing or invalid field in a plain RuntimeException, and one bad file must
            // never keep the others from loading. IOException covers malformed UTF-8.
            setAside(file, e, problems);
        }
    }

    private static int schemaOf(JsonObject raw) {
        JsonElement schema = raw.get("schema");
        if (schema == null || !schema.isJsonPrimitive()
                || !schema.getAsJsonPrimitive().isNumber()) {
            return -1;
        }
        return schema.getAsInt();
    }

    private void setAside(Path file, Exception cause, List<String> problems) {
        Path aside = file.resolveSibling(file.getFileName() + DAMAGED);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(file.getFileName() + DAMAGED + "-" + n);
        }
        try {
            Files.move(file, aside);
            Logger.warn(cause, "Set a damaged conversation aside as {}", aside);
            problems.add("A saved conversation could not be read and was set aside as "
                    + aside.getFileName() + ".");
        } catch (IOException e) {
            Logger.error(e, "Could not set the damaged conversation {} aside", file);
            problems.add("A saved conversation could not be read: " + file.getFileName() + ".");
        }
    }
}
