package app.hearth.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian reads from a file channel through one small buffer. Every read first checks the
 * bytes are in the file, so a lying header ends in a {@link GgufException}, never in a large
 * allocation.
 */
final class GgufInput {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final long size;
    private final Messages messages;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES)
            .order(ByteOrder.LITTLE_ENDIAN);
    private long bufferStart;

    GgufInput(FileChannel channel, long size, Messages messages) {
        this.channel = channel;
        this.size = size;
        this.messages = messages;
        buffer.limit(0);
    }

    long position() {
        return bufferStart + buffer.position();
    }

    long remaining() {
        return size - position();
    }

    int u8() throws GgufException {
        fill(1);
        return buffer.get() & 0xff;
    }

    short i16() throws GgufException {
        fill(2);
        return buffer.getShort();
    }

    int i32() throws GgufException {
        fill(4);
        return buffer.getInt();
    }

    long u32() throws GgufException {
        return i32() & 0xffff_ffffL;
    }

    long i64() throws GgufException {
        fill(8);
        return buffer.getLong();
    }

    /** Reads a count or length stored as uint64, refusing values above {@code max}. */
    long count(long max, String what) throws GgufException {
        long value = i64();
        if (value < 0 || value > max) {
            throw messages.corrupt("claims " + Long.toUnsignedString(value) + " " + what);
        }
        return value;
    }

    String string(long length) throws GgufException {
        requireInFile(length);
        byte[] bytes = new byte[(int) length];
        int done = 0;
        while (done < bytes.length) {
            fill(1);
            int chunk = Math.min(buffer.remaining(), bytes.length - done);
            buffer.get(bytes, done, chunk);
            done += chunk;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    void skip(long length) throws GgufException {
        requireInFile(length);
        if (length <= buffer.remaining()) {
            buffer.position(buffer.position() + (int) length);
            return;
        }
        bufferStart = position() + length;
        buffer.clear().limit(0);
    }

    private void requireInFile(long length) throws GgufException {
        if (length > remaining()) {
            throw messages.truncatedInHeader(position(), size);
        }
    }

    /** Makes at least {@code count} bytes (at most the buffer size) readable. */
    private void fill(int count) throws GgufException {
        if (buffer.remaining() >= count) {
            return;
        }
        requireInFile(count);
        bufferStart = position();
        buffer.compact();
        try {
            while (buffer.position() < count) {
                long at = bufferStart + buffer.position();
                if (channel.read(buffer, at) < 0) {
                    // The file shrank while being read.
                    throw messages.truncatedInHeader(at, size);
                }
            }
        } catch (IOException ex) {
            throw messages.unreadable(ex);
        } finally {
            buffer.flip();
        }
    }
}
