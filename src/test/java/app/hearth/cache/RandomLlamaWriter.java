package app.hearth.cache;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes llama-architecture GGUF files with random F32 weights and a byte-fallback vocabulary,
 * so memory tests can load models of a chosen size. The output means nothing, but any text
 * tokenizes and generation runs.
 *
 * <p>A stand-in until the shared {@code app.hearth.testsupport.GgufWriter} lands; only what
 * the memory tests need.
 */
final class RandomLlamaWriter {

    private static final int ALIGNMENT = 32;
    private static final int TYPE_UINT32 = 4;
    private static final int TYPE_INT32 = 5;
    private static final int TYPE_FLOAT32 = 6;
    private static final int TYPE_STRING = 8;
    private static final int TYPE_ARRAY = 9;
    private static final int GGML_F32 = 0;

    /**
     * The shape of a model.
     *
     * @param embedding width of the hidden state
     * @param layers    transformer blocks
     * @param heads     attention heads (as many key/value heads)
     * @param feedForward width of the feed-forward layer
     */
    record Shape(int embedding, int layers, int heads, int feedForward) {

        /** The bytes of all weights, which is about the file size. */
        long weightBytes() {
            long perLayer = 4L * embedding * embedding + 3L * embedding * feedForward
                    + 2L * embedding;
            return 4 * (layers * perLayer + 2L * embedding * VOCAB.size() + embedding);
        }
    }

    private static final List<String> VOCAB = vocabulary();

    private RandomLlamaWriter() {
    }

    /**
     * Writes the model unless a file of the expected size is already there (the content is a
     * function of shape and seed), then returns its path.
     */
    static Path ensure(Path file, Shape shape, long seed) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > shape.weightBytes()) {
            return file;
        }
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial),
                1 << 20)) {
            write(out, shape, seed);
        }
        // Never change a file in place: a loaded model whose file changes dies (DESIGN.md §3).
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static void write(OutputStream out, Shape shape, long seed) throws IOException {
        List<Tensor> tensors = tensors(shape);
        Bytes header = new Bytes();
        header.raw("GGUF".getBytes(StandardCharsets.US_ASCII)).u32(3).u64(tensors.size());
        header.u64(13);
        header.key("general.architecture").u32(TYPE_STRING).string("llama");
        header.key("general.name").u32(TYPE_STRING).string("random-llama-test");
        header.key("llama.context_length").u32(TYPE_UINT32).u32(4096);
        header.key("llama.embedding_length").u32(TYPE_UINT32).u32(shape.embedding());
        header.key("llama.block_count").u32(TYPE_UINT32).u32(shape.layers());
        header.key("llama.feed_forward_length").u32(TYPE_UINT32).u32(shape.feedForward());
        header.key("llama.attention.head_count").u32(TYPE_UINT32).u32(shape.heads());
        header.key("llama.attention.head_count_kv").u32(TYPE_UINT32).u32(shape.heads());
        header.key("llama.attention.layer_norm_rms_epsilon").u32(TYPE_FLOAT32).f32(1e-5f);
        header.key("tokenizer.ggml.model").u32(TYPE_STRING).string("llama");
        header.key("tokenizer.ggml.tokens").u32(TYPE_ARRAY).u32(TYPE_STRING).u64(VOCAB.size());
        VOCAB.forEach(header::string);
        header.key("tokenizer.ggml.scores").u32(TYPE_ARRAY).u32(TYPE_FLOAT32).u64(VOCAB.size());
        VOCAB.forEach(token -> header.f32(0f));
        header.key("tokenizer.ggml.token_type").u32(TYPE_ARRAY).u32(TYPE_INT32)
                .u64(VOCAB.size());
        for (int i = 0; i < VOCAB.size(); i++) {
            header.u32(tokenType(i));
        }

        long offset = 0;
        for (Tensor tensor : tensors) {
            header.string(tensor.name()).u32(tensor.dims().length);
            for (long dim : tensor.dims()) {
                header.u64(dim);
            }
            header.u32(GGML_F32).u64(offset);
            offset += align(tensor.bytes());
        }
        header.pad();
        out.write(header.toArray());

        SplittableRandom random = new SplittableRandom(seed);
        for (Tensor tensor : tensors) {
            writeWeights(out, tensor, random);
        }
    }

    private static void writeWeights(OutputStream out, Tensor tensor, SplittableRandom random)
            throws IOException {
        boolean norm = tensor.name().endsWith("norm.weight");
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        long count = tensor.bytes() / 4;
        for (long i = 0; i < count; i++) {
            // Small weights keep activations finite; norms of one keep the scale.
            chunk.putFloat(norm ? 1f : (float) (random.nextDouble() - 0.5) * 0.04f);
            if (!chunk.hasRemaining()) {
                out.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
        }
        out.write(chunk.array(), 0, chunk.position());
        out.write(new byte[(int) (align(tensor.bytes()) - tensor.bytes())]);
    }

    private static List<Tensor> tensors(Shape shape) {
        long d = shape.embedding();
        long ff = shape.feedForward();
        long vocab = VOCAB.size();
        List<Tensor> tensors = new ArrayList<>();
        tensors.add(new Tensor("token_embd.weight", d, vocab));
        tensors.add(new Tensor("output_norm.weight", d));
        tensors.add(new Tensor("output.weight", d, vocab));
        for (int layer = 0; layer < shape.layers(); layer++) {
            String prefix = "blk." + layer + ".";
            tensors.add(new Tensor(prefix + "attn_norm.weight", d));
            tensors.add(new Tensor(prefix + "attn_q.weight", d, d));
            tensors.add(new Tensor(prefix + "attn_k.weight", d, d));
            tensors.add(new Tensor(prefix + "attn_v.weight", d, d));
            tensors.add(new Tensor(prefix + "attn_output.weight", d, d));
            tensors.add(new Tensor(prefix + "ffn_norm.weight", d));
            tensors.add(new Tensor(prefix + "ffn_gate.weight", d, ff));
            tensors.add(new Tensor(prefix + "ffn_up.weight", d, ff));
            tensors.add(new Tensor(prefix + "ffn_down.weight", ff, d));
        }
        return tensors;
    }

    /** Unknown, begin and end of text, the 256 byte tokens, then lower-case letters. */
    private static List<String> vocabulary() {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
        }
        for (char c = 'a'; c <= 'z'; c++) {
            tokens.add(String.valueOf(c));
            tokens.add("\u2581" + c);
        }
        return List.copyOf(tokens);
    }

    private static int tokenType(int index) {
        if (index == 0) {
            return 2;
        }
        if (index < 3) {
            return 3;
        }
        return index < 259 ? 6 : 1;
    }

    private static long align(long bytes) {
        return (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private record Tensor(String name, long... dims) {
        long bytes() {
            long elements = 1;
            for (long dim : dims) {
                elements *= dim;
            }
            return elements * 4;
        }
    }

    /** A little-endian byte builder for the header. */
    private static final class Bytes {
        private ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        Bytes raw(byte[] bytes) {
            room(bytes.length);
            buffer.put(bytes);
            return this;
        }

        Bytes u32(int value) {
            room(4);
            buffer.putInt(value);
            return this;
        }

        Bytes u64(long value) {
            room(8);
            buffer.putLong(value);
            return this;
        }

        Bytes f32(float value) {
            room(4);
            buffer.putFloat(value);
            return this;
        }

        Bytes string(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return u64(bytes.length).raw(bytes);
        }

        Bytes key(String name) {
            return string(name);
        }

        void pad() {
            int extra = (int) (align(buffer.position()) - buffer.position());
            raw(new byte[extra]);
        }

        byte[] toArray() {
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return bytes;
        }

        private void room(int bytes) {
            if (buffer.remaining() < bytes) {
                ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2 + bytes)
                        .order(ByteOrder.LITTLE_ENDIAN);
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
        }
    }
}
