package app.hearth.testsupport;

import app.hearth.gguf.GgmlType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes random-weight llama models as GGUF v3 files that llama.cpp loads and runs. The
 * output is gibberish; the point is a valid file of a chosen shape, type and size.
 */
public final class GgufWriter {

    private static final int ALIGNMENT = 32;
    private static final int CHUNK_BYTES = 1 << 20;

    /**
     * The shape of a model.
     *
     * @param layers transformer blocks, at least 1
     * @param embd hidden width; a multiple of 32 for quantized types
     * @param heads attention heads; divides {@code embd} into an even head size
     * @param kvHeads key/value heads; divides {@code heads}
     * @param ff feed-forward width; a multiple of 32 for quantized types
     * @param contextLength trained context in tokens
     * @param type the type of the 2-D weights: F32, F16, Q8_0 or Q4_0 (norms stay F32)
     * @param vocabSize tokens, at least 260 (3 control tokens, 256 bytes, one piece)
     * @param chatTemplate {@code tokenizer.chat_template}, or {@code null} for none
     * @param seed for the random weights
     */
    public record Spec(int layers, int embd, int heads, int kvHeads, int ff, int contextLength,
            GgmlType type, int vocabSize, String chatTemplate, long seed) {

        public Spec {
            Objects.requireNonNull(type, "type");
            if (!List.of(GgmlType.F32, GgmlType.F16, GgmlType.Q8_0, GgmlType.Q4_0)
                    .contains(type)) {
                throw new IllegalArgumentException("cannot write " + type);
            }
            if (embd % heads != 0 || (embd / heads) % 2 != 0 || heads % kvHeads != 0) {
                throw new IllegalArgumentException("bad head layout " + embd + "/" + heads);
            }
            if (embd % type.blockSize() != 0 || ff % type.blockSize() != 0) {
                throw new IllegalArgumentException("widths must fill " + type + " blocks");
            }
            if (vocabSize < 260 || layers < 1) {
                throw new IllegalArgumentException("too small: " + vocabSize + ", " + layers);
            }
        }

        /** A 2-layer, 64-wide F32 model of about 0.5 MB. */
        public static Spec tiny() {
            return new Spec(2, 64, 4, 2, 128, 2048, GgmlType.F32, 512, null, 1);
        }

        /** A 512-wide model of about {@code bytes} bytes in the given type. */
        public static Spec ofRoughly(long bytes, GgmlType type) {
            return ofRoughly(bytes, type, 512);
        }

        /** A model {@code embd} wide (a multiple of 64) of about {@code bytes} bytes. */
        public static Spec ofRoughly(long bytes, GgmlType type, int embd) {
            Spec one = new Spec(1, embd, embd / 64, embd / 128, embd * 3, 2048, type, 512,
                    null, 1);
            long fixed = 2L * embd * 512 * type.blockBytes() / type.blockSize();
            long perLayer = one.weightBytes() - fixed;
            int layers = (int) Math.max(1, Math.round((double) (bytes - fixed) / perLayer));
            return one.withLayers(layers);
        }

        public Spec withLayers(int count) {
            return new Spec(count, embd, heads, kvHeads, ff, contextLength, type, vocabSize,
                    chatTemplate, seed);
        }

        public Spec withType(GgmlType value) {
            return new Spec(layers, embd, heads, kvHeads, ff, contextLength, value, vocabSize,
                    chatTemplate, seed);
        }

        public Spec withChatTemplate(String value) {
            return new Spec(layers, embd, heads, kvHeads, ff, contextLength, type, vocabSize,
                    value, seed);
        }

        public Spec withContextLength(int value) {
            return new Spec(layers, embd, heads, kvHeads, ff, value, type, vocabSize,
                    chatTemplate, seed);
        }

        /** Bytes of all tensor data, padding excluded. */
        public long weightBytes() {
            return tensors().stream().mapToLong(TensorPlan::bytes).sum();
        }

        /** The number of weights. */
        public long parameterCount() {
            return tensors().stream().mapToLong(TensorPlan::elements).sum();
        }

        int kvWidth() {
            return embd / heads * kvHeads;
        }

        List<TensorPlan> tensors() {
            List<TensorPlan> plans = new ArrayList<>();
            plans.add(new TensorPlan("token_embd.weight", type, embd, vocabSize));
            plans.add(new TensorPlan("output_norm.weight", GgmlType.F32, embd, 1));
            plans.add(new TensorPlan("output.weight", type, embd, vocabSize));
            for (int i = 0; i < layers; i++) {
                String block = "blk." + i + ".";
                plans.add(new TensorPlan(block + "attn_norm.weight", GgmlType.F32, embd, 1));
                plans.add(new TensorPlan(block + "attn_q.weight", type, embd, embd));
                plans.add(new TensorPlan(block + "attn_k.weight", type, embd, kvWidth()));
                plans.add(new TensorPlan(block + "attn_v.weight", type, embd, kvWidth()));
                plans.add(new TensorPlan(block + "attn_output.weight", type, embd, embd));
                plans.add(new TensorPlan(block + "ffn_norm.weight", GgmlType.F32, embd, 1));
                plans.add(new TensorPlan(block + "ffn_gate.weight", type, embd, ff));
                plans.add(new TensorPlan(block + "ffn_down.weight", type, ff, embd));
                plans.add(new TensorPlan(block + "ffn_up.weight", type, embd, ff));
            }
            return plans;
        }
    }

    /** One tensor to write: a 1-D tensor when {@code rows} is 1 and it is a norm. */
    record TensorPlan(String name, GgmlType type, long columns, long rows) {

        long elements() {
            return columns * rows;
        }

        long bytes() {
            return elements() / type.blockSize() * type.blockBytes();
        }

        boolean isNorm() {
            return name.endsWith("norm.weight");
        }
    }

    private GgufWriter() {
    }

    /**
     * Writes a model to {@code file}, replacing it.
     *
     * @return {@code file}
     */
    public static Path write(Spec spec, Path file) throws IOException {
        List<TensorPlan> plans = spec.tensors();
        GgufBytes header = header(spec, plans);
        SplittableRandom random = new SplittableRandom(spec.seed());
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            writeFully(out, ByteBuffer.wrap(header.toByteArray()));
            ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (TensorPlan plan : plans) {
                TensorData.write(plan, random, chunk, out);
                chunk.clear();
                long padding = (ALIGNMENT - plan.bytes() % ALIGNMENT) % ALIGNMENT;
                writeFully(out, ByteBuffer.allocate((int) padding));
            }
        }
        return file;
    }

    static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static GgufBytes header(Spec spec, List<TensorPlan> plans) {
        Vocabulary vocabulary = Vocabulary.synthetic(spec.vocabSize());
        int keys = 18 + (spec.chatTemplate() == null ? 0 : 1);
        GgufBytes bytes = GgufBytes.header(3, plans.size(), keys)
                .kvString("general.architecture", "llama")
                .kvString("general.name", "hearth-random-" + spec.type())
                .kvU32("general.file_type", fileType(spec.type()))
                .kvU32("llama.context_length", spec.contextLength())
                .kvU32("llama.embedding_length", spec.embd())
                .kvU32("llama.block_count", spec.layers())
                .kvU32("llama.feed_forward_length", spec.ff())
                .kvU32("llama.rope.dimension_count", spec.embd() / spec.heads())
                .kvU32("llama.attention.head_count", spec.heads())
                .kvU32("llama.attention.head_count_kv", spec.kvHeads())
                .kvF32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .kvString("tokenizer.ggml.model", "llama");
        vocabulary.appendTo(bytes);
        if (spec.chatTemplate() != null) {
            bytes.kvString("tokenizer.chat_template", spec.chatTemplate());
        }
        long offset = 0;
        for (TensorPlan plan : plans) {
            bytes.string(plan.name());
            if (plan.isNorm()) {
                bytes.u32(1).u64(plan.columns());
            } else {
                bytes.u32(2).u64(plan.columns()).u64(plan.rows());
            }
            bytes.u32(plan.type().id()).u64(offset);
            offset += (plan.bytes() + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        }
        return bytes.align(ALIGNMENT);
    }

    private static int fileType(GgmlType type) {
        switch (type) {
            case F32: return 0;
            case F16: return 1;
            case Q4_0: return 2;
            default: return 7;
        }
    }
}
