package app.hearth.worker;

import app.hearth.cache.ModelLoadException;
import app.hearth.protocol.ErrorCode;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads GGUF's little-endian numbers and strings, counting bytes. One thread. */
final class LittleEndianInput {

    /** Keys and tensor names longer than this are damage; real ones are a few dozen bytes. */
    private static final int MAX_NAME_BYTES = 64 * 1024;

    private final InputStream in;
    private final long size;
    private long position;

    LittleEndianInput(InputStream in, long size) {
        this.in = in;
        this.size = size;
    }

    long position() {
        return position;
    }

    int u32() throws IOException {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (long) read() << (8 * i);
        }
        return (int) value;
    }

    long u64() throws IOException {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value |= (long) read() << (8 * i);
        }
        return value;
    }

    /** A length that must fit in what is left of the file. */
    long u64Length(String fileName) throws IOException, ModelLoadException {
        long length = u64();
        if (length < 0 || length > size - position) {
            throw new ModelLoadException(ErrorCode.MODEL_INVALID, fileName + " is damaged: "
                    + "it names a string of " + Long.toUnsignedString(length) + " bytes, more "
                    + "than the file holds; download it again.");
        }
        return length;
    }

    String string(String fileName) throws IOException, ModelLoadException {
        long length = u64Length(fileName);
        if (length > MAX_NAME_BYTES) {
            throw new ModelLoadException(ErrorCode.MODEL_INVALID, fileName + " is damaged: "
                    + "it has a name of " + length + " bytes; download it again.");
        }
        byte[] bytes = in.readNBytes((int) length);
        position += bytes.length;
        if (bytes.length < length) {
            throw new EOFException();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                skipped = 1;
            }
            left -= skipped;
            position += skipped;
        }
    }

    private int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        position++;
        return b;
    }
}
