package app.hearth.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * What identifies a file's contents cheaply: size, modification time and the file system's
 * identity of the file (the inode on Linux), so that a copy renamed over the path also shows.
 *
 * @param size         bytes
 * @param modifiedNs   modification time, in ns since the epoch (as precise as the disk keeps)
 * @param fileKey      the file system's key for the file; may be null where there is none
 */
record FileStamp(long size, long modifiedNs, Object fileKey) {

    /** Reads the stamp of the file a path leads to; null if it cannot be read. */
    static FileStamp of(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path,
                    BasicFileAttributes.class);
            return new FileStamp(attributes.size(),
                    attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                    attributes.fileKey());
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the file at the path is no longer the one this stamp was taken of. */
    boolean changedAt(Path path) {
        return !Objects.equals(this, of(path));
    }
}
