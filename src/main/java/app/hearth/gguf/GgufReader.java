package app.hearth.gguf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the header, metadata and tensor index of a GGUF file (versions 2 and 3, little-endian)
 * without touching tensor data.
 *
 * <p>Safe on hostile files: memory stays within a few tens of MB and time within one pass over
 * the header whatever the file claims, and every problem ends in a {@link GgufException}.
 * Stateless and thread-safe; blocks on disk I/O, so keep it off the FX thread.
 */
public final class GgufReader {

    private static final int MAGIC = 0x4655_4747; // "GGUF" read little-endian

    private GgufReader() {
    }

    /**
     * Reads a model's description.
     *
     * @param file the GGUF file, never {@code null}
     * @return the model's header facts, never {@code null}
     * @throws GgufException when the file is missing, unreadable or not a loadable GGUF
     */
    public static GgufModel read(Path file) throws GgufException {
        return read(file, path -> FileChannel.open(path, StandardOpenOption.READ));
    }

    /**
     * Reads a model's description with its vocabulary's token texts and types, which
     * {@link GgufModel#controlTokens()} needs. Takes a few MB more memory for a while.
     *
     * @throws GgufException as {@link #read(Path)}
     */
    public static GgufModel readWithVocabulary(Path file) throws GgufException {
        return read(file, path -> FileChannel.open(path, StandardOpenOption.READ), true);
    }

    /** Opens a file for reading; tests pass one that fails to provoke I/O errors. */
    interface Opener {
        FileChannel open(Path file) throws IOException;
    }

    static GgufModel read(Path file, Opener opener) throws GgufException {
        return read(file, opener, false);
    }

    private static GgufModel read(Path file, Opener opener, boolean vocabulary)
            throws GgufException {
        Messages messages = new Messages(file);
        long size = regularFileSize(file, messages);
        try (FileChannel channel = opener.open(file)) {
            return read(file, new GgufInput(channel, size, messages), messages, vocabulary);
        } catch (NoSuchFileException ex) {
            throw messages.notFound();
        } catch (IOException ex) {
            throw messages.unreadable(ex);
        }
    }

    private static GgufModel read(Path file, GgufInput in, Messages messages,
            boolean vocabulary) throws GgufException {
        long size = in.remaining();
        if (size == 0) {
            throw messages.empty();
        }
        if (size < 4) {
            throw messages.notGguf(0);
        }
        int magic = in.i32();
        if (magic != MAGIC) {
            throw messages.notGguf(magic);
        }
        long version = in.u32();
        if (version == 0x0200_0000L || version == 0x0300_0000L) {
            throw messages.bigEndian(version);
        }
        if (version != 2 && version != 3) {
            throw messages.unsupportedVersion(version);
        }
        HeaderParser.Header header = new HeaderParser(in, messages, vocabulary).parse();
        checkLayout(header, size, messages);
        return new GgufModel(file, size, (int) version, header.metadata(), header.tensors(),
                header.dataOffset(), header.alignment());
    }

    private static long regularFileSize(Path file, Messages messages) throws GgufException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw messages.notAFile();
            }
            return attributes.size();
        } catch (NoSuchFileException ex) {
            throw messages.notFound();
        } catch (IOException ex) {
            throw messages.unreadable(ex);
        }
    }

    /**
     * Checks that tensors neither overlap nor leave the file. A file whose tensors are packed
     * one after the other but end past its size was cut short; anything else is damage.
     */
    private static void checkLayout(HeaderParser.Header header, long size, Messages messages)
            throws GgufException {
        List<GgufTensor> byOffset = new ArrayList<>(header.tensors());
        byOffset.sort(Comparator.comparingLong(GgufTensor::offset));
        long end = 0;
        boolean packed = true;
        for (GgufTensor tensor : byOffset) {
            if (tensor.offset() < end) {
                throw messages.corrupt("lets tensor " + tensor.name() + " overlap another");
            }
            packed &= tensor.offset() == alignUp(end, header.alignment());
            end = tensor.offset() + tensor.byteSize();
            if (end < 0 || header.dataOffset() + end < 0) {
                throw messages.corrupt("puts tensor " + tensor.name() + " beyond any file size");
            }
        }
        long needed = header.dataOffset() + end;
        if (byOffset.isEmpty() || needed <= size) {
            return;
        }
        if (!packed) {
            throw messages.corrupt("puts tensor data outside the file");
        }
        throw messages.truncated(size, needed);
    }

    private static long alignUp(long value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
