package app.hearth.chat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new content:
 * write a temporary file beside it, force it to the disk, rename it over the target, then
 * force the folder so the rename itself survives a power cut. Any thread; two writers of one
 * file at once leave one of their contents, whole.
 */
public final class AtomicFile {

    /** Prefix of temporary files; a crash can leave them behind, and loading removes them. */
    static final String TEMP_PREFIX = ".saving-";

    private static final int CHUNK = 8 * 1024;

    /** Where a save stands; tests fail a save at each step to prove the old file survives. */
    enum Step { TEMP_CREATED, CHUNK_WRITTEN, WRITTEN, FORCED, MOVED }

    /** Called at each step; throwing there interrupts the save as a crash would. */
    interface Checkpoint {
        Checkpoint NONE = step -> { };

        void reached(Step step) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code bytes} to {@code target} atomically. Blocks on the disk: never call it on
     * the JavaFX thread.
     *
     * @throws IOException if the disk refused; {@code target} is then as it was
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, Checkpoint.NONE);
    }

    /** Writes {@code bytes} to {@code target} atomically. Blocks on the disk. */
    static void write(Path target, byte[] bytes, Checkpoint checkpoint) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(folder, TEMP_PREFIX, ".tmp");
        boolean moved = false;
        try {
            checkpoint.reached(Step.TEMP_CREATED);
            writeAndForce(temp, bytes, checkpoint);
            checkpoint.reached(Step.FORCED);
            move(temp, target);
            moved = true;
            checkpoint.reached(Step.MOVED);
            forceFolder(folder);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void writeAndForce(Path temp, byte[] bytes, Checkpoint checkpoint)
            throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int offset = 0; offset < bytes.length; offset += CHUNK) {
                ByteBuffer chunk = ByteBuffer.wrap(bytes, offset,
                        Math.min(CHUNK, bytes.length - offset));
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
                checkpoint.reached(Step.CHUNK_WRITTEN);
            }
            checkpoint.reached(Step.WRITTEN);
            channel.force(true);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Only on file systems without rename-over (some network shares): a crash between
            // the two steps of this fallback can leave the old content, never a torn file.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void forceFolder(Path folder) {
        // Linux needs this for the rename to be durable; Windows cannot open a folder this
        // way, and there the move is already durable, so a failure here changes nothing.
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Nothing to do: the file itself is complete either way.
        }
    }
}
