package app.hearth.testsupport;

import app.hearth.gguf.GgufException;
import app.hearth.gguf.GgufModel;
import app.hearth.gguf.GgufReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;

/**
 * Copies a GGUF file with metadata keys added, changed or removed. Other keys, the tensor
 * index and the tensor data are copied byte for byte; the data is re-aligned after the new
 * header, and tensor offsets (relative to the data) stay valid.
 */
public final class GgufRewriter {

    private static final int HEADER_FIELDS_BYTES = 24;

    private GgufRewriter() {
    }

    /**
     * Writes {@code target} as {@code source} with changed metadata.
     *
     * @param put keys to add or replace; values as {@link GgufBytes#kv(String, Object)} takes
     * @param remove keys to drop
     * @return {@code target}
     */
    public static Path copy(Path source, Path target, Map<String, Object> put,
            Set<String> remove) throws IOException, GgufException {
        GgufModel model = GgufReader.read(source);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate((int) model.dataOffset())
                    .order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && in.read(header) >= 0) {
                // Keep reading until the whole header is in.
            }
            header.flip();
            GgufBytes bytes = rewriteHeader(header, model, put, remove);
            GgufWriter.writeFully(out, ByteBuffer.wrap(bytes.toByteArray()));
            long position = model.dataOffset();
            while (position < model.fileSizeBytes()) {
                position += in.transferTo(position, model.fileSizeBytes() - position, out);
            }
        }
        return target;
    }

    private static GgufBytes rewriteHeader(ByteBuffer header, GgufModel model,
            Map<String, Object> put, Set<String> remove) {
        header.position(HEADER_FIELDS_BYTES);
        GgufBytes kept = new GgufBytes();
        int keptCount = 0;
        for (int i = 0; i < model.metadata().size(); i++) {
            int start = header.position();
            String key = readString(header);
            skipValue(header, header.getInt());
            if (!remove.contains(key) && !put.containsKey(key)) {
                kept.raw(slice(header, start, header.position()));
                keptCount++;
            }
        }
        put.forEach(kept::kv);
        byte[] tensorIndex = slice(header, header.position(), indexEnd(header, model));
        return GgufBytes.header(3, model.tensors().size(), keptCount + put.size())
                .raw(kept.toByteArray())
                .raw(tensorIndex)
                .align(model.alignment());
    }

    private static int indexEnd(ByteBuffer header, GgufModel model) {
        ByteBuffer copy = header.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < model.tensors().size(); i++) {
            readString(copy);
            int dims = copy.getInt();
            copy.position(copy.position() + 8 * dims + 4 + 8);
        }
        return copy.position();
    }

    private static void skipValue(ByteBuffer header, int type) {
        if (type == GgufBytes.STRING) {
            readString(header);
        } else if (type == GgufBytes.ARRAY) {
            int elementType = header.getInt();
            long count = header.getLong();
            for (long i = 0; i < count; i++) {
                skipValue(header, elementType);
            }
        } else {
            int[] sizes = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};
            header.position(header.position() + sizes[type]);
        }
    }

    private static String readString(ByteBuffer header) {
        byte[] bytes = new byte[(int) header.getLong()];
        header.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] slice(ByteBuffer header, int from, int to) {
        byte[] bytes = new byte[to - from];
        header.duplicate().position(from).get(bytes);
        return bytes;
    }
}
